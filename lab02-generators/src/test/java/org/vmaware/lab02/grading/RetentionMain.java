package org.vmaware.lab02.grading;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

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
        Set<Thread> atStart = Thread.getAllStackTraces().keySet();
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
        int deepest = 0;
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
            // a thread's stack is not on the heap: a batch kept there shows as depth, at some depth or other
            deepest = Math.max(deepest, Crowd.deepestStack(atStart));
            most = Math.max(most, reachableBytes() - before);
        }
        if (!iterator.hasNext()) {
            Channel.send(WRONG, "the iterator ended after " + taken + " of " + terms + " terms");
            return;
        }
        Reference.reachabilityFence(iterator);
        if (deepest > Rubric.BODY_STACK_FRAMES_MAX) {
            Channel.send(WRONG, "at one of " + depths.length + " depths a thread started since the measuring began"
                    + " was " + deepest + " frames deep (at most " + Rubric.BODY_STACK_FRAMES_MAX + "): deep frames"
                    + " can hold terms computed ahead where no reading of the heap sees them");
            return;
        }
        // one sequence's batch of terms computed ahead, into memory reused for every batch, is lost in the reading's
        // noise; as many sequences as depths, each at one of them, keep as many batches
        Crowd crowd;
        try {
            crowd = Crowd.of(() -> Fibonacci.lazy(terms, new LongAdder()), depths, atStart);
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
