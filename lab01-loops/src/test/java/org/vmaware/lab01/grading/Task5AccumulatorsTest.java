package org.vmaware.lab01.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.Bursts;
import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Hints;
import org.vmaware.lab01.Accumulators;

/**
 * Task 5: a {@code double} sum with four accumulators against one, on an array that stays in the core's cache. On
 * whole numbers below 2^20 every partial sum is exact, so the two sums must be equal; on general values they may
 * differ in the last bits.
 */
@DisplayName("Task 5: four accumulators vs one")
class Task5AccumulatorsTest {

    @Graded(task = 5, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = "Accumulators#sumFourAccumulators")
    @DisplayName("5a sumFourAccumulators returns the one-accumulator sum")
    void fourAccumulatorsIsCorrect() {
        RandomGenerator random = GradingSettings.current().random("accumulator correctness");
        for (int size : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 4097}) {
            double[] whole = wholeNumbers(random, size);
            double[] general = random.doubles(size, -1e6, 1e6).toArray();
            // whole numbers but one, anywhere inside: code that takes a whole array's sum in a long when its ends are
            // whole is caught here (red team 11)
            double[] mixed = wholeNumbers(random, size);
            if (size > 2) {
                mixed[1 + random.nextInt(size - 2)] += 0.5;
            }
            double[] yourMixed = mixed.clone();
            // the code under test never gets an array the naive code reads later
            double[] yourWhole = whole.clone();
            double[] yourGeneral = general.clone();
            for (int i = 0; i < 20; i++) {
                Range range = i == 0 ? new Range(0, size) : Range.any(random, size);
                assertEquals(Baselines.sumOneAccumulator(whole, range.from(), range.to()),
                        Accumulators.sumFourAccumulators(yourWhole, range.from(), range.to()),
                        () -> "sumFourAccumulators over " + range + " of " + size + " whole numbers (exact in any order)");
                double magnitude = 0;
                for (int k = range.from(); k < range.to(); k++) {
                    magnitude += Math.abs(general[k]);
                }
                double tolerance = 1e-12 * magnitude;
                assertEquals(Baselines.sumOneAccumulator(general, range.from(), range.to()),
                        Accumulators.sumFourAccumulators(yourGeneral, range.from(), range.to()), tolerance,
                        () -> "sumFourAccumulators over " + range + " of " + size + " random doubles");
                // whole numbers and one half: every partial sum is exact in any order
                assertEquals(Baselines.sumOneAccumulator(mixed, range.from(), range.to()),
                        Accumulators.sumFourAccumulators(yourMixed, range.from(), range.to()),
                        () -> "sumFourAccumulators over " + range + " of " + size + " whole numbers and one half");
            }
        }
        double[] burstValues = wholeNumbers(random, 512);
        double[] yourBurstValues = burstValues.clone();
        Bursts.run(i -> {
            Range range = Range.any(random, burstValues.length);
            assertEquals(Baselines.sumOneAccumulator(burstValues, range.from(), range.to()),
                    Accumulators.sumFourAccumulators(yourBurstValues, range.from(), range.to()),
                    () -> "sumFourAccumulators over " + range + " of 512 whole numbers, call " + i
                            + " of bursts with pauses");
        });
    }

    @Graded(task = 5, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "Accumulators#sumFourAccumulators")
    @DisplayName("5b four accumulators beat one")
    void fourAccumulatorsIsFaster() {
        new AccumulatorComparison().speedUp("four accumulators vs one, random ranges of " + Rubric.ACCUMULATOR_SIZE
                + " fresh doubles").atLeast(Rubric.ACCUMULATOR_TARGET).hint(Hints.forCheck("5b")).measure().require();
    }

    private static double[] wholeNumbers(RandomGenerator random, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextInt(1 << 20);
        }
        return values;
    }
}
