package org.vmaware.lab02;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Red team 14: NOT lazy. One platform worker thread, started at the first lazy() call and shared by every sequence
 * (so no crowd sees it as new, and its depth is never checked), computes terms ahead in batches of up to MAX_BATCH
 * and keeps the batch in the long locals of a deep recursion on its own (large) stack: not heap, not a buffer pool.
 * A sequence that asks while another's batch is on the stack makes the worker drop that batch and start one of its
 * own from the sequence's last two terms (kept on the heap, as the reference keeps them).
 */
public final class Fibonacci {

    static final int MAX_BATCH = 2_000;
    static final int MAX_FRAMES = 1_400;
    /** Batches dropped after this many ms without a request (0: never). */
    static final long IDLE_MS = 0;

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
        Worker worker = Worker.get();
        return new Iterator<>() {
            private int handed;
            private BigInteger prev = BigInteger.ONE; // F(handed - 1)
            private BigInteger last = BigInteger.ZERO; // F(handed)

            @Override
            public boolean hasNext() {
                return handed < count;
            }

            @Override
            public BigInteger next() {
                if (handed >= count) {
                    throw new NoSuchElementException();
                }
                byte[] bytes = worker.take(this, handed, count, prev, last);
                BigInteger term = new BigInteger(1, bytes);
                prev = last;
                last = term;
                handed++;
                termsComputed.increment();
                return term;
            }
        };
    }

    public static Generator<BigInteger> generator(int count, LongAdder termsComputed) {
        return Generator.of(out -> {
            Iterator<BigInteger> terms = lazy(count, termsComputed);
            while (terms.hasNext()) {
                out.yield(terms.next());
            }
        });
    }

    static final class Worker implements Runnable {
        private static final Object TAKE = new Object();
        private static Worker instance;

        // the request, guarded by this
        private Object reqOwner;
        private int reqPos;
        private int reqCount;
        private BigInteger reqPrev;
        private BigInteger reqLast;
        private boolean requested;
        private byte[] slot;

        // the batch being served (worker thread only)
        private Object owner;
        private int nextPos;
        private boolean aborted;
        private int[] cur;
        private int curl;
        private int[] prev;
        private int prevl;
        private int termsLeft;
        private int chunk;
        private byte[] buf;

        static synchronized Worker get() {
            if (instance == null) {
                instance = new Worker();
                Thread thread = new Thread(instance, "fib-worker");
                thread.setDaemon(true);
                thread.start();
            }
            return instance;
        }

        byte[] take(Object who, int pos, int count, BigInteger p, BigInteger l) {
            synchronized (TAKE) {
                synchronized (this) {
                    reqOwner = who;
                    reqPos = pos;
                    reqCount = count;
                    reqPrev = p;
                    reqLast = l;
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
                    reqPrev = null;
                    reqLast = null;
                    return bytes;
                }
            }
        }

        @Override
        public void run() {
            while (true) {
                int count;
                int[] x;
                int[] y;
                synchronized (this) {
                    while (!requested) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    owner = reqOwner;
                    nextPos = reqPos;
                    count = reqCount;
                    x = limbs(reqLast);
                    y = limbs(reqLast.add(reqPrev));
                }
                int yl = length(y);
                int chunksEach = chunks(yl + 2);
                int batch = Math.max(1, Math.min(MAX_BATCH, Math.min(count - nextPos, MAX_FRAMES / chunksEach)));
                prepare(x, length(x), y, yl, batch);
                aborted = false;
                descend();
                cur = null;
                prev = null;
                buf = null;
            }
        }

        /** Waits for the next request; true if it is this batch's next term. */
        private boolean begin() {
            if (aborted) {
                return false;
            }
            synchronized (this) {
                long deadline = IDLE_MS > 0 ? System.nanoTime() + IDLE_MS * 1_000_000L : 0;
                while (!requested) {
                    try {
                        if (IDLE_MS > 0) {
                            long left = deadline - System.nanoTime();
                            if (left <= 0) {
                                aborted = true;
                                return false;
                            }
                            wait(Math.max(1, left / 1_000_000L));
                        } else {
                            wait();
                        }
                    } catch (InterruptedException e) {
                        aborted = true;
                        return false;
                    }
                }
                if (reqOwner != owner || reqPos != nextPos) {
                    aborted = true;
                    return false;
                }
                requested = false;
                return true;
            }
        }

        private synchronized void emit(byte[] bytes) {
            nextPos++;
            slot = bytes;
            notifyAll();
        }

        private static int[] limbs(BigInteger v) {
            byte[] b = v.toByteArray();
            int[] a = new int[b.length / 4 + 2];
            for (int i = 0; i < b.length; i++) {
                int fromLow = b.length - 1 - i;
                a[fromLow / 4] |= (b[i] & 0xff) << (8 * (fromLow % 4));
            }
            return a;
        }

        private static int length(int[] a) {
            int n = a.length;
            while (n > 0 && a[n - 1] == 0) {
                n--;
            }
            return n;
        }

        /** From x = F(m), y = F(m+1): cur = F(m+batch), prev = F(m+batch-1). */
        private void prepare(int[] x, int xl, int[] y, int yl, int batch) {
            int cap = yl + (batch * 7) / 320 + 3;
            int[] p = new int[cap];
            int[] c = new int[cap];
            System.arraycopy(x, 0, p, 0, xl);
            int pl = xl;
            System.arraycopy(y, 0, c, 0, yl);
            int cl = yl;
            for (int i = 1; i < batch; i++) {
                int nl = addInto(p, pl, c, cl);
                int[] t = p;
                p = c;
                c = t;
                pl = cl;
                cl = nl;
            }
            cur = c;
            curl = cl;
            prev = p;
            prevl = pl;
            termsLeft = batch;
            chunk = chunks(curl) - 1;
        }

        private void descend() {
            if (termsLeft == 0) {
                cur = null;
                prev = null;
                return;
            }
            int len = curl;
            int ci = chunk;
            int base = ci * 32;
            int[] a = cur;
            long l0 = pack(a, base + 0, len);
            long l1 = pack(a, base + 2, len);
            long l2 = pack(a, base + 4, len);
            long l3 = pack(a, base + 6, len);
            long l4 = pack(a, base + 8, len);
            long l5 = pack(a, base + 10, len);
            long l6 = pack(a, base + 12, len);
            long l7 = pack(a, base + 14, len);
            long l8 = pack(a, base + 16, len);
            long l9 = pack(a, base + 18, len);
            long l10 = pack(a, base + 20, len);
            long l11 = pack(a, base + 22, len);
            long l12 = pack(a, base + 24, len);
            long l13 = pack(a, base + 26, len);
            long l14 = pack(a, base + 28, len);
            long l15 = pack(a, base + 30, len);
            a = null;
            if (ci == 0) {
                termsLeft--;
                if (termsLeft > 0) {
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
                if (!begin()) {
                    return;
                }
                buf = new byte[len * 4];
            }
            if (aborted) {
                return;
            }
            unpack(buf, len, base + 0, l0);
            unpack(buf, len, base + 2, l1);
            unpack(buf, len, base + 4, l2);
            unpack(buf, len, base + 6, l3);
            unpack(buf, len, base + 8, l4);
            unpack(buf, len, base + 10, l5);
            unpack(buf, len, base + 12, l6);
            unpack(buf, len, base + 14, l7);
            unpack(buf, len, base + 16, l8);
            unpack(buf, len, base + 18, l9);
            unpack(buf, len, base + 20, l10);
            unpack(buf, len, base + 22, l11);
            unpack(buf, len, base + 24, l12);
            unpack(buf, len, base + 26, l13);
            unpack(buf, len, base + 28, l14);
            unpack(buf, len, base + 30, l15);
            if (ci == chunks(len) - 1) {
                byte[] done = buf;
                buf = null;
                emit(done);
            }
        }

        private static int chunks(int len) {
            return Math.max(1, (len + 31) / 32);
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
