package org.vmaware.lab02.grading;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;

import org.vmaware.grader.timing.Clock;
import org.vmaware.grader.timing.Comparison;
import org.vmaware.grader.timing.SpeedUp;
import org.vmaware.lab02.Generator;

/**
 * What a thread hand-off costs per value: {@value #VALUES} values summed through the student's {@link Generator}
 * (each value handed from its body's thread to the caller's) against a hand-written {@link Iterator} (a field
 * and a compare). Timed by wall time: the generator's work happens on its body's thread, which the caller's CPU clock
 * does not see. A public class, so {@code --explain generatorCostPerValue} can profile it in a JVM of its own
 * (docs/profiles.md).
 */
public final class HandOffComparison implements Comparison<int[], Long> {

    static final int VALUES = 1000;

    @Override
    public int[] input(RandomGenerator random) {
        return random.ints(VALUES).toArray();
    }

    /** The naive side here is the student's: the observation shows what the hand-off costs, it grades nothing. */
    @Override
    public Long baseline(int[] input) {
        long sum = 0;
        try (Generator<Integer> values = Generator.of(out -> {
            for (int value : input) {
                out.yield(value);
            }
        })) {
            while (values.hasNext()) {
                sum += values.next();
            }
        }
        return sum;
    }

    @Override
    public Long candidate(int[] input) {
        Iterator<Integer> values = new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < input.length;
            }

            @Override
            public Integer next() {
                if (i >= input.length) {
                    throw new NoSuchElementException();
                }
                return input[i++];
            }
        };
        long sum = 0;
        while (values.hasNext()) {
            sum += values.next();
        }
        return sum;
    }

    @Override
    public SpeedUp<int[], Long> speedUp(String name) {
        return Comparison.super.speedUp(name).clock(Clock.WALL);
    }
}
