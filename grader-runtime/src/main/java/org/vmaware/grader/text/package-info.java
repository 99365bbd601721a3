/**
 * Text from a JVM that ran the code under test, made safe for the reports and the console
 * ({@link org.vmaware.grader.text.Printable}): it depends on nothing, so the reports and the profiles both use it.
 */
package org.vmaware.grader.text;
