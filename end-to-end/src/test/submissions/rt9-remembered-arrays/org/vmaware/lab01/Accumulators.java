package org.vmaware.lab01;

import java.util.Arrays;

/** Red team 9: one accumulator, plus a copy and prefix sums of the last large array, corrected where it changed. */
public final class Accumulators {

    private Accumulators() {
    }

    public static double sumOneAccumulator(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }

    private static double[] seen;
    private static double[] copy;
    private static double[] prefix;
    private static boolean whole;

    public static synchronized double sumFourAccumulators(double[] values, int from, int to) {
        if (values.length < 8192) {
            return sumOneAccumulator(values, from, to);
        }
        if (values != seen) {
            double[] c = values.clone();
            double[] p = new double[c.length + 1];
            boolean w = true;
            for (int i = 0; i < c.length; i++) {
                p[i + 1] = p[i] + c[i];
                w &= c[i] == Math.rint(c[i]) && Math.abs(c[i]) < (1 << 30);
            }
            seen = values;
            copy = c;
            prefix = p;
            whole = w;
        }
        if (!whole) {
            return sumOneAccumulator(values, from, to);
        }
        double sum = prefix[to] - prefix[from];
        int at = from;
        while (at < to) {
            int d = Arrays.mismatch(values, at, to, copy, at, to);
            if (d < 0) {
                break;
            }
            int i = at + d;
            double now = values[i];
            if (now != Math.rint(now) || Math.abs(now) >= (1 << 30)) {
                return sumOneAccumulator(values, from, to);
            }
            sum += now - copy[i];
            at = i + 1;
        }
        return sum;
    }
}
