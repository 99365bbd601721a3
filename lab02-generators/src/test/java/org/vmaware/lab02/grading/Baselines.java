package org.vmaware.lab02.grading;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The tests' own answers, computed without the code under test. */
public final class Baselines {

    /** The sensors in the pipeline's generated records: {@code "id,sensor,reading"} with sensor {@code id % 16}. */
    public static final int SENSORS = 16;

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

    /** The pipeline's answer from arithmetic alone (no text): the sum of sensor {@code sensor}'s readings. */
    public static long pipelineTotal(long records, int sensor) {
        long total = 0;
        for (long id = sensor; id < records; id += SENSORS) {
            total += ((id * 0x9E3779B97F4A7C15L) >>> 33) % 1000;
        }
        return total;
    }
}
