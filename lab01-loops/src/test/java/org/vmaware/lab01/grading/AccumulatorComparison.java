package org.vmaware.lab01.grading;

import java.util.random.RandomGenerator;

import org.vmaware.grader.timing.Comparison;
import org.vmaware.grader.timing.SpeedUp;
import org.vmaware.lab01.Accumulators;

/**
 * 5b: the student's {@code sumFourAccumulators} against the tests' one accumulator, on random ranges of
 * {@link Rubric#ACCUMULATOR_SIZE} fresh doubles ({@link Fresh}). Doubles with fractions, so no integer sum can stand
 * in for the floating-point one; any order of additions is within 1e-12 of their magnitude. A public class, so a JVM
 * of its own can rebuild it by name and profile a failed check (docs/profiles.md).
 */
public final class AccumulatorComparison implements Comparison<Fresh<double[]>, Double> {

    @Override
    public Fresh<double[]> input(RandomGenerator random) {
        return Fresh.doubles(random, Rubric.ACCUMULATOR_SIZE, 1e6);
    }

    @Override
    public Double baseline(Fresh<double[]> in) {
        return Baselines.sumOneAccumulator(in.naive(), in.from(), in.to());
    }

    @Override
    public Double candidate(Fresh<double[]> in) {
        return Accumulators.sumFourAccumulators(in.yours(), in.from(), in.to());
    }

    /** Answers checked against the sum drawn with the doubles; short batches, as fresh data's memory grows with speed. */
    @Override
    public SpeedUp<Fresh<double[]>, Double> speedUp(String name) {
        return Comparison.super.speedUp(name).verifiedBy((in, sum) -> Math.abs(sum - in.sum()) <= 1e-12 * in.magnitude())
                .batchMicros(Rubric.FRESH_BATCH_MICROS);
    }
}
