/**
 * The grader inside the test JVM (module grader-runtime): {@link org.vmaware.grader.runtime.GradedRun}, which runs
 * a lab's checks in a graded child JVM and reports them on the channel; the grade book's listener that writes
 * results.json ({@link org.vmaware.grader.runtime.Reporting}); and the listener that prints the score table at the
 * end of a {@code mvn test} ({@link org.vmaware.grader.runtime.ScoreTableListener}).
 */
package org.vmaware.grader.runtime;
