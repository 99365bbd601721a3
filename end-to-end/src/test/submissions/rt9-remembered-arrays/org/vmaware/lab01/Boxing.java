package org.vmaware.lab01;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Red team 9: the starter's boxing sum, plus a copy of the last large array and per-block sums of it; a later call on
 * the same array finds the elements that changed with Arrays.mismatch and corrects the remembered sums.
 */
public final class Boxing {

    private Boxing() {
    }

    public static long sumBoxed(List<Integer> values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values.get(i);
        }
        return sum;
    }

    private static long starter(int[] values, int from, int to) {
        List<Integer> boxed = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            boxed.add(values[i]);
        }
        return sumBoxed(boxed, 0, boxed.size());
    }

    private static final int BLOCK = 1024;
    private static int[] seen;
    private static int[] copy;
    private static long[] blocks;

    private static long copySum(int from, int to) {
        // the copy's sum over [from, to): whole blocks from the block prefix, the ends boxed, as the starter does
        int firstBlock = (from + BLOCK - 1) / BLOCK;
        int lastBlock = to / BLOCK;
        if (firstBlock >= lastBlock) {
            return starter(copy, from, to);
        }
        return starter(copy, from, firstBlock * BLOCK) + blocks[lastBlock] - blocks[firstBlock]
                + starter(copy, lastBlock * BLOCK, to);
    }

    public static synchronized long sumPrimitive(int[] values, int from, int to) {
        if (values.length < 65536) {
            return starter(values, from, to);
        }
        if (values != seen) {
            int[] c = values.clone();
            long[] b = new long[c.length / BLOCK + 1];
            for (int k = 0; k < c.length / BLOCK; k++) {
                b[k + 1] = b[k] + starter(c, k * BLOCK, (k + 1) * BLOCK);
            }
            seen = values;
            copy = c;
            blocks = b;
        }
        long sum = copySum(from, to);
        int at = from;
        while (at < to) {
            int d = Arrays.mismatch(values, at, to, copy, at, to);
            if (d < 0) {
                break;
            }
            int i = at + d;
            sum += (long) values[i] - copy[i];
            at = i + 1;
        }
        return sum;
    }
}
