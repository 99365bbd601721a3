package org.vmaware.lab01.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.Bursts;
import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Hints;
import org.vmaware.lab01.Boxing;

/**
 * Task 2: summing an {@code int[]} against a boxed {@code List<Integer>} holding the same values. The lecture's "use
 * NumPy for number crunching" in Java terms: primitive arrays.
 */
@DisplayName("Task 2: boxed vs primitive")
class Task2BoxingTest {

    @Graded(task = 2, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = "Boxing#sumPrimitive")
    @DisplayName("2a sumPrimitive returns sumBoxed's sum")
    void sumPrimitiveIsCorrect() {
        RandomGenerator random = GradingSettings.current().random("boxing correctness");
        for (int size : new int[] {0, 1, 2, 3, 5, 100, 4097}) {
            int[] values = random.ints(size).toArray();
            List<Integer> boxed = BoxingComparison.boxed(values);
            assertEquals(Baselines.sumBoxed(boxed, 0, size), Boxing.sumPrimitive(values, 0, size),
                    () -> "sumPrimitive over all " + size + " values");
            for (int i = 0; i < 20; i++) {
                Range range = Range.any(random, size);
                assertEquals(Baselines.sumBoxed(boxed, range.from(), range.to()),
                        Boxing.sumPrimitive(values, range.from(), range.to()),
                        () -> "sumPrimitive over " + range + " of " + size + " values");
            }
        }
        int[] burstValues = random.ints(512).toArray();
        List<Integer> burstBoxed = BoxingComparison.boxed(burstValues);
        Bursts.run(i -> {
            Range range = Range.any(random, burstValues.length);
            assertEquals(Baselines.sumBoxed(burstBoxed, range.from(), range.to()),
                    Boxing.sumPrimitive(burstValues, range.from(), range.to()),
                    () -> "sumPrimitive over " + range + " of 512 values, call " + i + " of bursts with pauses");
        });
        int[] extremes = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        assertEquals(2L * Integer.MAX_VALUE + 3L * Integer.MIN_VALUE, Boxing.sumPrimitive(extremes, 0, 5),
                "the sum is a long: int values must not wrap when added");
    }

    @Graded(task = 2, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "Boxing#sumPrimitive")
    @DisplayName("2b sumPrimitive beats sumBoxed")
    void sumPrimitiveIsFaster() {
        new BoxingComparison().speedUp("int[] vs List<Integer>, random ranges of " + Rubric.BOXED_SIZE + " values")
                .atLeast(Rubric.BOXED_TARGET).hint(Hints.forCheck("2b")).measure().require();
    }
}
