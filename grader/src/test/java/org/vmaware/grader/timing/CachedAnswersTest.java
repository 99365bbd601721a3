package org.vmaware.grader.timing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Inputs no cache can reuse, the way lab01's Part 2 asks: a random range of one shared array, with one element set
 * for the call and put back after it, the same on both sides. A cache keyed by the array's identity answers the
 * array as it was, so it is stale on about half the calls, and the checked answers catch it, however often the
 * cache is rebuilt short of every call.
 */
class CachedAnswersTest {

    private static final int SIZE = 1 << 16;
    private static final int[] DATA = new SplittableRandom(1).ints(SIZE).toArray();
    private static final long[] PREFIX = prefixSums(DATA);

    /** A range at least half the array long, and the element set for this call. */
    record Probe(int from, int to, int position, int value) {
        static Probe random(RandomGenerator random) {
            int length = SIZE / 2 + random.nextInt(SIZE / 2 + 1);
            int from = random.nextInt(SIZE - length + 1);
            return new Probe(from, from + length, random.nextInt(SIZE), random.nextInt());
        }
    }

    private static long[] prefixSums(int[] values) {
        long[] prefix = new long[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            prefix[i + 1] = prefix[i] + values[i];
        }
        return prefix;
    }

    /** The trusted answer, O(1): prefix sums of the data as made, corrected by the call's element. */
    private static long oracle(Probe probe) {
        boolean covered = probe.from() <= probe.position() && probe.position() < probe.to();
        return PREFIX[probe.to()] - PREFIX[probe.from()]
                + (covered ? (long) probe.value() - DATA[probe.position()] : 0);
    }

    /** Sets the probe's element, asks {@code sum}, puts the element back: what both sides of the check do. */
    private static Function<Probe, Long> withProbe(Function<Probe, Long> sum) {
        return probe -> {
            int was = DATA[probe.position()];
            DATA[probe.position()] = probe.value();
            try {
                return sum.apply(probe);
            } finally {
                DATA[probe.position()] = was;
            }
        };
    }

    private static long naive(int[] values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }

    /** Prefix sums cached by the array's identity, built on the first call that sees the array (x12's attack). */
    private static Function<Probe, Long> identityCache() {
        Object[] seen = {null};
        long[][] prefix = {null};
        return probe -> {
            if (seen[0] != DATA) {
                prefix[0] = prefixSums(DATA);
                seen[0] = DATA;
            }
            return prefix[0][probe.to()] - prefix[0][probe.from()];
        };
    }

    /** Prefix sums rebuilt on the first call after a pause: once per batch, fresh for that call only. */
    private static Function<Probe, Long> cacheRebuiltPerBatch() {
        long[][] prefix = {null};
        long[] lastCall = {0};
        return probe -> {
            long now = System.nanoTime();
            if (prefix[0] == null || now - lastCall[0] > 500_000) {
                prefix[0] = prefixSums(DATA);
            }
            long answer = prefix[0][probe.to()] - prefix[0][probe.from()];
            lastCall[0] = System.nanoTime();
            return answer;
        };
    }

    private static void requireCaught(String name, Function<Probe, Long> candidate) {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> SpeedUp.of(name, Probe::random,
                withProbe(probe -> naive(DATA, probe.from(), probe.to())), withProbe(candidate))
                .oracle(CachedAnswersTest::oracle).atLeast(1.5).seed(2).measure(), name + " must fail");
        assertTrue(error.getMessage().contains(name + ": wrong answer on input Probe["), error::getMessage);
    }

    @Test
    void prefixSumsCachedByTheArraysIdentityFail() {
        requireCaught("identity cache", identityCache());
    }

    @Test
    void prefixSumsRebuiltOncePerBatchFail() {
        requireCaught("cache per batch", cacheRebuiltPerBatch());
    }

    @Test
    void theOracleAgreesWithTheNaiveSum() {
        SplittableRandom random = new SplittableRandom(3);
        Function<Probe, Long> naive = withProbe(probe -> naive(DATA, probe.from(), probe.to()));
        for (int i = 0; i < 200; i++) {
            Probe probe = Probe.random(random);
            assertTrue(naive.apply(probe) == oracle(probe), probe::toString);
        }
    }
}
