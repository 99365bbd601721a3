/**
 * What a lab's tests are written against (module grader-api): {@link org.vmaware.grader.Graded} and its
 * expectations ({@link org.vmaware.grader.Expect}, {@link org.vmaware.grader.CheckKind},
 * {@link org.vmaware.grader.Visibility}), the run's settings and seeds ({@link org.vmaware.grader.GradingSettings}),
 * bursts of calls with pauses ({@link org.vmaware.grader.Bursts}), and the JUnit extension that turns a graded test
 * into a scored check and keeps it in the {@link org.vmaware.grader.GradeBook}.
 *
 * <pre>
 * &#64;Graded(task = 2, points = 2, kind = CheckKind.TIMING, starter = Expect.FAIL)
 * &#64;DisplayName("2b sumPrimitive beats sumBoxed")
 * void primitiveIsFaster() {
 *     SpeedUp.of("int[] vs List&lt;Integer&gt;", inputs, Baselines::sumBoxed, Boxing::sumPrimitive)
 *             .atLeast(Rubric.BOXING_TARGET).measure().require();
 * }
 * </pre>
 */
package org.vmaware.grader;
