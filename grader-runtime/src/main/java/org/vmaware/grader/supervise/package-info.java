/**
 * The one supervisor of graded checks, for a student's {@code mvn test} and the command-line grader alike: it runs
 * the checks in child JVMs, kills a child whose check runs past its limit, and starts a fresh one for the checks
 * that remain. It uses only {@code ProcessBuilder} and {@code ProcessHandle}, so it works wherever a JDK does.
 */
package org.vmaware.grader.supervise;
