/**
 * Measured verdicts (module grader-api): the timing builders a test uses ({@link org.vmaware.grader.timing.SpeedUp},
 * in this JVM; {@link org.vmaware.grader.timing.ForkedSpeedUp}, in a child JVM under other flags) and the allocation
 * checks ({@link org.vmaware.grader.timing.Allocation}); behind them the engine: sampling and clocks
 * ({@link org.vmaware.grader.timing.Clock}), the decision ({@link org.vmaware.grader.timing.Rule}, a pure function of
 * the paired ratios and the {@link org.vmaware.grader.timing.Spec}), contamination
 * ({@link org.vmaware.grader.timing.Contamination}) and the immutable {@link org.vmaware.grader.timing.Verdict}.
 */
package org.vmaware.grader.timing;
