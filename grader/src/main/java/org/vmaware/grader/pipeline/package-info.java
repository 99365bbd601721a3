/**
 * Grading one submission outside the test JVM (module grader): intake of the student files
 * ({@link org.vmaware.grader.pipeline.Intake}), compilation and the class-file policy
 * ({@link org.vmaware.grader.pipeline.Compilation}, {@link org.vmaware.grader.pipeline.ClassFilePolicy}), the
 * sandbox and the supervised child JVMs ({@link org.vmaware.grader.pipeline.Sandbox},
 * {@link org.vmaware.grader.pipeline.Grading}), the reports ({@link org.vmaware.grader.pipeline.Reports}), and what
 * a course uploads or hands out: the Gradescope bundle and the student edition.
 */
package org.vmaware.grader.pipeline;
