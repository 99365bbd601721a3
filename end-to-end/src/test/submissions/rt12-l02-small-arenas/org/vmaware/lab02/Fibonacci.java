package org.vmaware.lab02;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Red team 12 attack A, smaller: the read-ahead of rt12-l02-reused-buffers with arenas of 12 KB grown 2 KB a call,
 * so that one sequence's batch stays far under any one sequence's limit on what it keeps (a batch of 40 to 100 terms
 * at 3b's sizes). Each sequence keeps its own arena, so a crowd of sequences keeps as many.
 */
public final class Fibonacci {

    private static final int ARENA_BYTES = 12 << 10;
    private static final int GROW_BYTES = 2 << 10;

    private Fibonacci() {
    }

    public static List<BigInteger> eager(int count, LongAdder termsComputed) {
        List<BigInteger> terms = new ArrayList<>();
        BigInteger previous = BigInteger.ONE;
        BigInteger current = BigInteger.ONE;
        for (int i = 0; i < count; i++) {
            BigInteger term = i < 2 ? BigInteger.ONE : previous.add(current);
            if (i >= 2) {
                previous = current;
                current = term;
            }
            termsComputed.increment();
            terms.add(term);
        }
        return terms;
    }

    public static Iterator<BigInteger> lazy(int count, LongAdder termsComputed) {
        return new Batcher(count, termsComputed);
    }

    public static Generator<BigInteger> generator(int count, LongAdder termsComputed) {
        return Generator.of(out -> {
            Batcher terms = new Batcher(count, termsComputed);
            while (terms.hasNext()) {
                out.yield(terms.next());
            }
        });
    }

    /** Terms computed ahead a batch at a time into reused slots. */
    static final class Batcher implements Iterator<BigInteger> {
        private final int count;
        private final LongAdder probe;
        private final int maxSlots;
        private final int perCall;
        private int cap;
        private int[][] slots;
        private int[] lens;
        private int allocated;
        private int filled;
        private int pos;
        private int computed;
        private int handed;
        // the two last computed terms: older (F(k-1)) and newer (F(k)); start at F(-1) = 1, F(0) = 0
        private int[] older;
        private int olderLen;
        private int[] newer;
        private int newerLen;

        Batcher(int count, LongAdder probe) {
            this.count = count;
            this.probe = probe;
            long bits = (long) (count * 0.6943) + 64;
            this.cap = (int) Math.min(4096, bits / 32 + 2);
            int slotBytes = cap * 4 + 16;
            this.maxSlots = Math.max(3, Math.min(512, ARENA_BYTES / slotBytes));
            this.perCall = Math.max(1, GROW_BYTES / slotBytes);
        }

        @Override
        public boolean hasNext() {
            return handed < count;
        }

        @Override
        public BigInteger next() {
            if (handed >= count) {
                throw new NoSuchElementException();
            }
            if (slots == null) {
                slots = new int[maxSlots][];
                lens = new int[maxSlots];
                older = new int[cap];
                newer = new int[cap];
                older[0] = 1;
                olderLen = 1;
                newerLen = 0;
            }
            // grow the arena a little each call
            for (int i = 0; i < perCall && allocated < maxSlots; i++) {
                slots[allocated++] = new int[cap];
            }
            if (pos == filled) {
                refill();
            }
            int[] limbs = slots[pos];
            int len = lens[pos];
            pos++;
            handed++;
            probe.increment();
            byte[] bytes = new byte[len * 4];
            for (int i = 0; i < len; i++) {
                int v = limbs[i];
                int at = (len - 1 - i) * 4;
                bytes[at] = (byte) (v >>> 24);
                bytes[at + 1] = (byte) (v >>> 16);
                bytes[at + 2] = (byte) (v >>> 8);
                bytes[at + 3] = (byte) v;
            }
            return new BigInteger(1, bytes);
        }

        /** Computes as many terms as there are slots, allocating nothing (unless a term outgrows its slot). */
        private void refill() {
            int batch = Math.min(allocated, count - computed);
            int[] a = older;
            int la = olderLen;
            int[] b = newer;
            int lb = newerLen;
            for (int i = 0; i < batch; i++) {
                int need = Math.max(la, lb) + 1;
                if (slots[i].length < need) {
                    slots[i] = new int[need * 2];
                }
                int[] out = slots[i];
                int len = add(a, la, b, lb, out);
                lens[i] = len;
                a = b;
                la = lb;
                b = out;
                lb = len;
            }
            // keep the last two in their own arrays for the next batch
            int[] toOlder = older.length >= la ? older : new int[la * 2 + 2];
            int[] toNewer = newer.length >= lb ? newer : new int[lb * 2 + 2];
            System.arraycopy(a, 0, toOlder, 0, la);
            olderLen = la;
            System.arraycopy(b, 0, toNewer, 0, lb);
            older = toOlder;
            newer = toNewer;
            newerLen = lb;
            computed += batch;
            filled = batch;
            pos = 0;
        }

        private static int add(int[] a, int la, int[] b, int lb, int[] out) {
            int n = Math.max(la, lb);
            long carry = 0;
            for (int i = 0; i < n; i++) {
                long x = i < la ? (a[i] & 0xFFFFFFFFL) : 0;
                long y = i < lb ? (b[i] & 0xFFFFFFFFL) : 0;
                long s = x + y + carry;
                out[i] = (int) s;
                carry = s >>> 32;
            }
            if (carry != 0) {
                out[n++] = (int) carry;
            }
            return n;
        }
    }
}
