/**
 * What the JVM did with a check's code, recorded by Java Flight Recorder in a child JVM of its own after the
 * verdicts (module grader-runtime): which methods were compiled at which tier and what was inlined into them, where
 * the samples fell and what was allocated where ({@link org.vmaware.grader.profile.Profiler},
 * {@link org.vmaware.grader.profile.Profile}). A recording never runs in a JVM that measures a verdict, and a profile
 * never changes a score.
 */
package org.vmaware.grader.profile;
