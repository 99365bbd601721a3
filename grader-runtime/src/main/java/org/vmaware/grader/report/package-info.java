/**
 * The two forms a run's results take inside the test JVM (module grader-runtime): Gradescope's results.json
 * ({@link org.vmaware.grader.report.ResultsJson}, which the command-line grader reads back) and the console's score
 * table ({@link org.vmaware.grader.report.ScoreTable}).
 */
package org.vmaware.grader.report;
