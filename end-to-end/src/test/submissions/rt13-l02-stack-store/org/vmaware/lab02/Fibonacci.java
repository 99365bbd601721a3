package org.vmaware.lab02;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Red team 13: NOT lazy. Terms are computed ahead in batches of up to 64 and the batch is kept on a platform
 * thread's STACK (primitive locals of a recursion, one frame per 16 limbs): not on the heap, not in a buffer pool.
 * lazy() runs the batches on a helper platform thread of its own; generator() runs them on the generator's body
 * thread. To hand terms out in order from a LIFO stack, each batch is computed forward (F(m+1)..F(m+B)), then walked
 * backward (F(j-1) = F(j+1) - F(j)) pushing F(m+B) first, so F(m+1) is the deepest frame, popped first.
 */
public final class Fibonacci {

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
        Hand hand = new Hand();
        Batches batches = new Batches(count, hand);
        Thread helper = new Thread(batches, "fib");
        helper.setDaemon(true);
        helper.start();
        return new Iterator<>() {
            private int handed;

            @Override
            public boolean hasNext() {
                return handed < count;
            }

            @Override
            public BigInteger next() {
                if (handed >= count) {
                    throw new NoSuchElementException();
                }
                byte[] bytes = hand.take();
                handed++;
                termsComputed.increment();
                return new BigInteger(1, bytes);
            }
        };
    }

    public static Generator<BigInteger> generator(int count, LongAdder termsComputed) {
        return Generator.of(out -> {
            Sink sink = new Sink() {
                @Override
                public void begin() {
                }

                @Override
                public void accept(byte[] bytes) {
                    termsComputed.increment();
                    out.yield(new BigInteger(1, bytes));
                }
            };
            new Batches(count, sink).run();
        });
    }

    interface Sink {
        void begin();

        void accept(byte[] bytes);
    }

    /** The lazy iterator's hand-over: the helper waits for a request before it assembles a term. */
    static final class Hand implements Sink {
        private boolean requested;
        private byte[] slot;

        @Override
        public synchronized void begin() {
            while (!requested) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            requested = false;
        }

        @Override
        public synchronized void accept(byte[] bytes) {
            slot = bytes;
            notifyAll();
        }

        synchronized byte[] take() {
            requested = true;
            notifyAll();
            while (slot == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            byte[] bytes = slot;
            slot = null;
            return bytes;
        }
    }

    /** The batches, computed ahead, kept in the frames of {@link #descend()}. */
    static final class Batches implements Runnable {
        private static final int MAX_FRAMES = 2_000;
        private static final int MAX_BATCH = 64;

        private final int count;
        private final Sink sink;
        private int pushedTo; // m: terms 1..m already pushed in earlier batches
        // saved pair: x = F(m), y = F(m+1)
        private int[] x = new int[1];
        private int xl = 0;
        private int[] y = {1};
        private int yl = 1;
        // backward walk
        private int[] cur;
        private int curl;
        private int[] prev;
        private int prevl;
        private int termsLeft;
        private int chunk;
        private byte[] buf;

        Batches(int count, Sink sink) {
            this.count = count;
            this.sink = sink;
        }

        @Override
        public void run() {
            while (pushedTo < count) {
                int chunksEach = chunks(yl + 2);
                int batch = Math.max(1, Math.min(MAX_BATCH, Math.min(count - pushedTo, MAX_FRAMES / chunksEach)));
                prepare(batch);
                descend();
            }
        }

        /** Computes F(m+1)..F(m+batch) ahead; leaves cur = F(m+batch), prev = F(m+batch-1), saves the next pair. */
        private void prepare(int batch) {
            int cap = yl + (batch * 7) / 320 + 3;
            int[] p = new int[cap];
            int[] c = new int[cap];
            System.arraycopy(x, 0, p, 0, xl);
            int pl = xl;
            System.arraycopy(y, 0, c, 0, yl);
            int cl = yl;
            for (int i = 1; i < batch; i++) {
                int nl = addInto(p, pl, c, cl); // p = p + c
                int[] t = p;
                p = c;
                c = t;
                pl = cl;
                cl = nl;
            }
            int[] nx = new int[cap];
            System.arraycopy(c, 0, nx, 0, cl);
            int[] ny = new int[cap];
            System.arraycopy(p, 0, ny, 0, pl);
            int nyl = addInto(ny, pl, c, cl);
            x = nx;
            xl = cl;
            y = ny;
            yl = nyl;
            cur = c;
            curl = cl;
            prev = p;
            prevl = pl;
            termsLeft = batch;
            chunk = chunks(curl) - 1;
            pushedTo += batch;
        }

        private void descend() {
            if (termsLeft == 0) {
                cur = null;
                prev = null;
                return;
            }
            int len = curl;
            int ci = chunk;
            int base = ci * 16;
            int[] a = cur;
            long l0 = pack(a, base, len);
            long l1 = pack(a, base + 2, len);
            long l2 = pack(a, base + 4, len);
            long l3 = pack(a, base + 6, len);
            long l4 = pack(a, base + 8, len);
            long l5 = pack(a, base + 10, len);
            long l6 = pack(a, base + 12, len);
            long l7 = pack(a, base + 14, len);
            a = null;
            if (ci == 0) {
                termsLeft--;
                if (termsLeft > 0) {
                    // (cur, prev) = (prev, cur - prev)
                    int dl = subInto(cur, curl, prev, prevl);
                    int[] t = cur;
                    cur = prev;
                    curl = prevl;
                    prev = t;
                    prevl = dl;
                    chunk = chunks(curl) - 1;
                }
            } else {
                chunk = ci - 1;
            }
            descend();
            if (ci == 0) {
                sink.begin();
                buf = new byte[len * 4];
            }
            unpack(buf, len, base, l0);
            unpack(buf, len, base + 2, l1);
            unpack(buf, len, base + 4, l2);
            unpack(buf, len, base + 6, l3);
            unpack(buf, len, base + 8, l4);
            unpack(buf, len, base + 10, l5);
            unpack(buf, len, base + 12, l6);
            unpack(buf, len, base + 14, l7);
            if (ci == chunks(len) - 1) {
                byte[] done = buf;
                buf = null;
                sink.accept(done);
            }
        }

        private static int chunks(int len) {
            return Math.max(1, (len + 15) / 16);
        }

        private static long pack(int[] a, int i, int len) {
            long lo = i < len ? a[i] & 0xffffffffL : 0;
            long hi = i + 1 < len ? a[i + 1] & 0xffffffffL : 0;
            return lo | (hi << 32);
        }

        private static void unpack(byte[] buf, int len, int i, long v) {
            put(buf, len, i, (int) v);
            put(buf, len, i + 1, (int) (v >>> 32));
        }

        private static void put(byte[] buf, int len, int i, int v) {
            if (i >= len) {
                return;
            }
            int at = (len - 1 - i) * 4;
            buf[at] = (byte) (v >>> 24);
            buf[at + 1] = (byte) (v >>> 16);
            buf[at + 2] = (byte) (v >>> 8);
            buf[at + 3] = (byte) v;
        }

        /** a = a + b (little-endian limbs), returns the new length; a has room. */
        private static int addInto(int[] a, int al, int[] b, int bl) {
            int n = Math.max(al, bl);
            long carry = 0;
            for (int i = 0; i < n; i++) {
                long s = (i < al ? a[i] & 0xffffffffL : 0) + (i < bl ? b[i] & 0xffffffffL : 0) + carry;
                a[i] = (int) s;
                carry = s >>> 32;
            }
            if (carry != 0) {
                a[n++] = (int) carry;
            }
            return n;
        }

        /** a = a - b, a >= b, returns the new length. */
        private static int subInto(int[] a, int al, int[] b, int bl) {
            long borrow = 0;
            for (int i = 0; i < al; i++) {
                long d = (a[i] & 0xffffffffL) - (i < bl ? b[i] & 0xffffffffL : 0) - borrow;
                a[i] = (int) d;
                borrow = d < 0 ? 1 : 0;
            }
            int n = al;
            while (n > 0 && a[n - 1] == 0) {
                n--;
            }
            return n;
        }
    }
}
