package org.vmaware.lab04.grading;

import java.util.random.RandomGenerator;

import org.vmaware.grader.timing.Clock;
import org.vmaware.grader.timing.Comparison;
import org.vmaware.grader.timing.SpeedUp;
import org.vmaware.lab04.Countdown;

/**
 * 4b: the student's {@code twoThreads} against the tests' one-thread countdown ({@link Baselines#countdownChecksum}),
 * by wall time: the point is that the work runs on two threads at once. A public class, so a JVM of its own can
 * rebuild it by name and profile a failed check (docs/profiles.md).
 *
 * <p>Each input is {@code {length, salt}}, the salt new for every call, so a checksum kept from one countdown (its
 * lower part, say, which every length above it shares) is worth nothing for the next.</p>
 */
public final class CountdownComparison implements Comparison<long[], Long> {

    @Override
    public long[] input(RandomGenerator random) {
        return new long[] {Rubric.COUNTDOWN + random.nextInt(Rubric.COUNTDOWN_SPREAD), random.nextLong()};
    }

    @Override
    public Long baseline(long[] in) {
        return Baselines.countdownChecksum(in[0], 0, in[1]);
    }

    @Override
    public Long candidate(long[] in) {
        return Countdown.twoThreads(in[0], in[1]);
    }

    @Override
    public SpeedUp<long[], Long> speedUp(String name) {
        return Comparison.super.speedUp(name).clock(Clock.WALL);
    }
}
