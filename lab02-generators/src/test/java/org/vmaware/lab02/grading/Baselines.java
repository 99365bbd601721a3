package org.vmaware.lab02.grading;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The tests' own answers, computed without the code under test. */
public final class Baselines {

    private Baselines() {
    }

    /** The first {@code count} Fibonacci terms 1, 1, 2, 3 ... */
    public static List<BigInteger> fibonacci(int count) {
        List<BigInteger> terms = new ArrayList<>();
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < count; i++) {
            terms.add(b);
            BigInteger next = a.add(b);
            a = b;
            b = next;
        }
        return terms;
    }

    /**
     * The pipeline's answer from arithmetic alone (no text): the sum of sensor {@code sensor}'s readings in the
     * records {@link org.vmaware.lab02.Records#line} makes under {@code key}, computed here with the tests' own copy
     * of its formula.
     */
    public static long pipelineTotal(long records, int sensor, long key) {
        long total = 0;
        for (long id = 0; id < records; id++) {
            long z = (id + key) * 0x9E37_79B9_7F4A_7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
            z ^= z >>> 31;
            if ((int) (z >>> 60) == sensor) {
                total += ((z & 0xFFFF_FFFFL) * 1000) >>> 32;
            }
        }
        return total;
    }
}
