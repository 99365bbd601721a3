package org.vmaware.lab01.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.Bursts;
import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Hints;
import org.vmaware.grader.timing.SpeedUp;
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
            List<Integer> boxed = boxed(values);
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
        List<Integer> burstBoxed = boxed(burstValues);
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
        RandomGenerator data = GradingSettings.current().random("boxing data");
        int[] values = data.ints(Rubric.BOXED_SIZE).toArray();
        List<Integer> boxed = boxed(values);
        long[] prefix = Probe.prefixSums(values.length, i -> values[i]);
        // each call sets one element (on both sides' copies of the values) and puts it back: see Probe
        SpeedUp.of("int[] vs List<Integer>, random ranges of " + Rubric.BOXED_SIZE + " values",
                random -> Probe.atLeastHalf(random, Rubric.BOXED_SIZE, Rubric.BOXED_SIZE, RandomGenerator::nextInt),
                probe -> {
                    Integer was = boxed.set(probe.position(), probe.value());
                    try {
                        return Baselines.sumBoxed(boxed, probe.from(), probe.to());
                    } finally {
                        boxed.set(probe.position(), was);
                    }
                },
                probe -> {
                    int was = values[probe.position()];
                    values[probe.position()] = probe.value();
                    try {
                        return Boxing.sumPrimitive(values, probe.from(), probe.to());
                    } finally {
                        values[probe.position()] = was;
                    }
                })
                .oracle(probe -> probe.oracle(prefix, probe.position(), probe.value(), values[probe.position()]))
                .atLeast(Rubric.BOXED_TARGET)
                .hint(Hints.forCheck("2b")).measure().require();
    }

    /** The values as a presized {@code ArrayList<Integer>}. */
    static List<Integer> boxed(int[] values) {
        List<Integer> list = new ArrayList<>(values.length);
        for (int value : values) {
            list.add(value);
        }
        return list;
    }
}
