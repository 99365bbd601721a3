package org.vmaware.lab02.grading;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.concurrent.atomic.LongAdder;

import org.vmaware.grader.fork.Channel;
import org.vmaware.lab02.Fibonacci;

/**
 * What a lazy Fibonacci keeps reachable, measured in a JVM of its own: {@code RetentionMain TERMS DEPTH...}. The
 * reachable memory is read before any class of the submission is initialised, then again while its iterator holds
 * its place at each {@code DEPTH} (ascending), every term taken checked; the most it kept goes to the parent as a
 * {@value #RETAINED} frame on the grader's {@link Channel} (a {@value #WRONG} frame names a wrong term).
 *
 * <p>Why a JVM of its own: in the test JVM the submission's classes already exist when the check starts, and memory
 * they took earlier (a static array, say) and let go of while the terms pile up would hide what the iterator keeps.
 * Here nothing of the submission exists before the first reading, so whatever it holds at the second counts.</p>
 */
public final class RetentionMain {

    /** The frame with the bytes still reachable, after minus before. */
    static final String RETAINED = "retained";
    /** The frame naming a wrong term. */
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
        Channel.send(RETAINED, Long.toString(most));
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

    static String abbreviate(BigInteger term) {
        String digits = String.valueOf(term);
        return digits.length() <= 24 ? digits : digits.substring(0, 12) + "..." + " (" + digits.length() + " digits)";
    }
}
