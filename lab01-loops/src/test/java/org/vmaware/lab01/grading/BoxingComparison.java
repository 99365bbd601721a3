package org.vmaware.lab01.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.timing.Comparison;
import org.vmaware.grader.timing.SpeedUp;
import org.vmaware.lab01.Boxing;

/**
 * 2b: the student's {@code sumPrimitive} over an {@code int[]} against the tests' {@code sumBoxed} over the same
 * values in a {@code List<Integer>}, on random ranges of {@link Rubric#BOXED_SIZE} values. A public class, so a JVM
 * of its own can rebuild it by name and profile a failed check (docs/profiles.md).
 *
 * <p>Each call sets one element on both sides' copies and puts it back ({@link Probe}); the answers the engine keeps
 * are checked against prefix sums the tests built over the values as made.</p>
 */
public final class BoxingComparison implements Comparison<Probe, Long> {

    private final int[] values;
    private final List<Integer> boxed;
    private final long[] prefix;

    public BoxingComparison() {
        RandomGenerator data = GradingSettings.current().random("boxing data");
        values = data.ints(Rubric.BOXED_SIZE).toArray();
        boxed = boxed(values);
        prefix = Probe.prefixSums(values.length, i -> values[i]);
    }

    /** The values as a presized {@code ArrayList<Integer>}. */
    static List<Integer> boxed(int[] values) {
        List<Integer> list = new ArrayList<>(values.length);
        for (int value : values) {
            list.add(value);
        }
        return list;
    }

    @Override
    public Probe input(RandomGenerator random) {
        return Probe.atLeastHalf(random, Rubric.BOXED_SIZE, Rubric.BOXED_SIZE, RandomGenerator::nextInt);
    }

    @Override
    public Long baseline(Probe probe) {
        Integer was = boxed.set(probe.position(), probe.value());
        try {
            return Baselines.sumBoxed(boxed, probe.from(), probe.to());
        } finally {
            boxed.set(probe.position(), was);
        }
    }

    @Override
    public Long candidate(Probe probe) {
        int was = values[probe.position()];
        values[probe.position()] = probe.value();
        try {
            return Boxing.sumPrimitive(values, probe.from(), probe.to());
        } finally {
            values[probe.position()] = was;
        }
    }

    @Override
    public SpeedUp<Probe, Long> speedUp(String name) {
        return Comparison.super.speedUp(name)
                .oracle(probe -> probe.oracle(prefix, probe.position(), probe.value(), values[probe.position()]));
    }
}
