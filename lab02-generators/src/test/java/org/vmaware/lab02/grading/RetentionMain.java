package org.vmaware.lab02.grading;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.vmaware.grader.fork.Channel;
import org.vmaware.lab02.Fibonacci;

/**
 * What a lazy Fibonacci keeps reachable, measured in a JVM of its own: {@code RetentionMain TERMS DEPTH...}. The
 * reachable memory is read before any class of the submission is initialised, then again while its iterator holds
 * its place at each {@code DEPTH} (ascending), every term taken checked; then as many fresh sequences as depths are
 * each taken to one of them, to read what a crowd keeps. The most the first kept goes to the parent as a
 * {@value #RETAINED} frame on the grader's {@link Channel}; a {@value #WRONG} frame names a wrong term, or a crowd
 * that kept terms computed ahead. The {@value #RETAINED} frame holds the most, a space and what the crowd kept.
 *
 * <p>Why a JVM of its own: in the test JVM the submission's classes already exist when the check starts, and memory
 * they took earlier (a static array, say) and let go of while the terms pile up would hide what the iterator keeps.
 * Here nothing of the submission exists before the first reading, so whatever it holds at the second counts.</p>
 */
public final class RetentionMain {

    /** The frame with the bytes still reachable, after minus before. */
    static final String RETAINED = "retained";
    /** The frame naming a wrong term, or a crowd that kept more than its terms. */
    static final String WRONG = "wrong";

    private RetentionMain() {
    }

    public static void main(String[] args) {
        // first, before any student class is loaded: from here on System.out is the capped output, not the channel
        Channel.openInChild();
        int terms = Integer.parseInt(args[0]);
        int[] depths = new int[args.length - 1];
        for (int i = 0; i < depths.length; i++) {
            depths[i] = Integer.parseInt(args[i + 1]);
        }
        // the student's class loaded, not initialised, so none of its code has run: finding it opens every jar before
        // it on the class path (the grader's come first), whose indexes, about 650 KB, would count as kept (red team 11)
        try {
            Class.forName(Fibonacci.class.getName(), false, RetentionMain.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        // thrown away: the JVM's first look at its memory pools leaves about 1.2 MB reachable that the next full
        // collection frees, which would hide as much kept by the iterator
        reachableBytes();
        long before = reachableBytes();
        Iterator<BigInteger> iterator = Fibonacci.lazy(terms, new LongAdder());
        BigInteger previous = BigInteger.ZERO;
        BigInteger expected = BigInteger.ONE;
        long most = 0;
        int taken = 0;
        for (int depth : depths) {
            for (; taken < depth; taken++) {
                BigInteger term = iterator.hasNext() ? iterator.next() : null;
                if (!expected.equals(term)) {
                    Channel.send(WRONG, "term " + (taken + 1) + " is " + (term == null ? "missing: the iterator ended"
                            : abbreviate(term)) + ", expected " + abbreviate(expected));
                    return;
                }
                BigInteger next = previous.add(expected);
                previous = expected;
                expected = next;
            }
            most = Math.max(most, reachableBytes() - before);
        }
        if (!iterator.hasNext()) {
            Channel.send(WRONG, "the iterator ended after " + taken + " of " + terms + " terms");
            return;
        }
        Reference.reachabilityFence(iterator);
        // one sequence's batch of terms computed ahead, into memory reused for every batch, is lost in the reading's
        // noise; as many sequences as depths, each at one of them, keep as many batches
        Crowd crowd;
        try {
            crowd = crowd(() -> Fibonacci.lazy(terms, new LongAdder()), depths);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (crowd.wrong() != null) {
            Channel.send(WRONG, crowd.wrong());
            return;
        }
        if (crowd.threadsHold(true) != null) {
            Channel.send(WRONG, crowd.threadsHold(true));
            return;
        }
        if (crowd.kept() > crowd.limit(Rubric.CROWD_LAZY_BYTES)) {
            Channel.send(WRONG, String.format(Locale.ROOT, "%s, at most %,d (%d terms' bytes and %,d for each"
                    + " sequence): terms computed before they were asked for are kept to be handed out, whatever"
                    + " memory they were computed into", crowd.describe("sequences"),
                    crowd.limit(Rubric.CROWD_LAZY_BYTES), Rubric.CROWD_TERMS_MAX, Rubric.CROWD_LAZY_BYTES));
            return;
        }
        Channel.send(RETAINED, most + " " + crowd.describe("fresh sequences"));
    }

    /**
     * What is reachable after full collections: the heap, plus the memory behind direct and mapped
     * {@code ByteBuffer}s, which the heap's figure leaves out (terms kept off the heap are kept all the same).
     */
    static long reachableBytes() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long offHeap = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            offHeap += Math.max(0, pool.getMemoryUsed());
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + offHeap;
    }

    /** Bytes counted for one term: a {@code BigInteger} and its {@code int[]}, headers included. */
    static long termBytes(BigInteger term) {
        return 64 + term.bitLength() / 8;
    }

    /**
     * What a crowd of sequences keeps: the bytes reachable beyond what was there without it, the bytes of the terms
     * they stand at, and a wrong term if one was handed out ({@code null} if none).
     */
    record Crowd(int size, long kept, long termBytes, String wrong, int newThreads, int deepestStack) {
        /** The most the crowd may keep: each sequence its own part and a few terms' bytes, and the reading's slack. */
        long limit(long perSequenceBytes) {
            return Rubric.CROWD_SLACK_BYTES + size * perSequenceBytes + Rubric.CROWD_TERMS_MAX * termBytes;
        }

        /** What the crowd kept, for a report. */
        String describe(String what) {
            return String.format(Locale.ROOT, "%d %s at depths of their own kept %,d bytes, %.1f times"
                    + " their terms' bytes, and %d threads, the deepest %d frames", size, what, kept, termsEach(),
                    newThreads, deepestStack);
        }

        /** Why the crowd's threads could hold terms off the heap, or {@code null}: a lazy one has no thread. */
        String threadsHold(boolean lazy) {
            if (lazy && newThreads > 0) {
                return String.format(Locale.ROOT, "%d %s, each taken to a depth of its own, left %d threads running:"
                        + " a lazy sequence computes each term in the caller's thread when next() asks, and a"
                        + " thread's stack can hold terms computed ahead where no reading of the heap sees them",
                        size, "lazy sequences", newThreads);
            }
            if (deepestStack > Rubric.BODY_STACK_FRAMES_MAX) {
                return String.format(Locale.ROOT, "a thread of %d sequences at depths of their own was %d frames deep"
                        + " (at most %d): a generator's body waits a few frames deep, and deep frames can hold terms"
                        + " computed ahead where no reading of the heap sees them", size, deepestStack,
                        Rubric.BODY_STACK_FRAMES_MAX);
            }
            return null;
        }

        /** How many of its terms each sequence keeps, on average. */
        double termsEach() {
            return termBytes == 0 ? 0 : (double) kept / termBytes;
        }
    }

    /**
     * Makes one sequence for each depth and takes it to its depth, every term checked, then reads what all of them
     * keep reachable beyond what is there without them: the lower of the readings before the first was made and
     * after all were closed and let go, so that memory let go of meanwhile (a body's thread that ends late) hides
     * nothing, nor memory kept after them in a pool. A sequence keeps what it computed ahead until it hands it out,
     * wherever it was computed and into whatever memory, so work done ahead shows here multiplied by the crowd, far
     * above the reading's noise (red team 12: batches of terms computed into slots reused for every batch allocate
     * nothing, and one sequence's are lost in that noise).
     */
    static Crowd crowd(Supplier<Iterator<BigInteger>> make, int[] depths) throws Exception {
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        long before = reachableBytes();
        List<Iterator<BigInteger>> crowd = new ArrayList<>();
        long termBytes = 0;
        String wrong = null;
        for (int i = 0; i < depths.length && wrong == null; i++) {
            Iterator<BigInteger> terms = make.get();
            crowd.add(terms);
            BigInteger previous = BigInteger.ZERO;
            BigInteger expected = BigInteger.ONE;
            for (int taken = 0; taken < depths[i]; taken++) {
                BigInteger term = terms.hasNext() ? terms.next() : null;
                if (!expected.equals(term)) {
                    wrong = "sequence " + (i + 1) + " of " + depths.length + ": term " + (taken + 1) + " is "
                            + (term == null ? "missing: the sequence ended" : abbreviate(term)) + ", expected "
                            + abbreviate(expected);
                    break;
                }
                BigInteger next = previous.add(expected);
                previous = expected;
                expected = next;
            }
            termBytes += termBytes(previous);
        }
        long during = reachableBytes();
        // and what is not on the heap: a platform thread's stack, where a parked thread can keep terms in the
        // locals of deep frames (red team 13); a lazy sequence starts no thread, and a body parks a few frames deep
        int newThreads = 0;
        int deepestStack = 0;
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (!threadsBefore.contains(thread.getKey())) {
                newThreads++;
                deepestStack = Math.max(deepestStack, thread.getValue().length);
            }
        }
        Reference.reachabilityFence(crowd);
        for (Iterator<BigInteger> terms : crowd) {
            if (terms instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        crowd = null;
        long without = Math.min(before, settledReachableBytes());
        return new Crowd(depths.length, wrong == null ? Math.max(0, during - without) : 0, termBytes, wrong,
                newThreads, deepestStack);
    }

    /** What is reachable once it stops falling: closed generators' threads end a little after they are closed. */
    static long settledReachableBytes() throws InterruptedException {
        long last = reachableBytes();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(10);
            long now = reachableBytes();
            if (now > last - 1024) {
                return Math.min(now, last);
            }
            last = now;
        }
        return last;
    }

    static String abbreviate(BigInteger term) {
        String digits = String.valueOf(term);
        return digits.length() <= 24 ? digits : digits.substring(0, 12) + "..." + " (" + digits.length() + " digits)";
    }
}
