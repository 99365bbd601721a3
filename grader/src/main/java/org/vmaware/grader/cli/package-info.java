/**
 * The command line (module grader, {@code java -jar grader/target/grader-cli.jar}): {@code grade},
 * {@code gradescope}, {@code export-student} and {@code self-check}, each a picocli command over the pipeline and
 * the proof.
 */
package org.vmaware.grader.cli;
