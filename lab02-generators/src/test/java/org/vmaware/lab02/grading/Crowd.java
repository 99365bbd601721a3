package org.vmaware.lab02.grading;

import java.lang.ref.Reference;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a crowd of sequences keeps, each taken to a depth of its own (3b and 3c): the bytes reachable beyond what was
 * there without it, the bytes of the terms they stand at, the threads they left running and how deep, and a wrong
 * term if one was handed out ({@code null} if none).
 *
 * <p>Why a crowd: terms computed ahead are kept until they are handed out, wherever they were computed and into
 * whatever memory, so one sequence's batch, computed into memory it reuses, is lost in a reading's noise (about
 * 20 KB), but a crowd's batches are not (red team 12). A platform thread's stack is not on the heap, so the threads
 * count too (red team 13).</p>
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
            return String.format(Locale.ROOT, "%d lazy sequences, each taken to a depth of its own, left %d threads"
                    + " running: a lazy sequence computes each term in the caller's thread when next() asks, and a"
                    + " thread's stack can hold terms computed ahead where no reading of the heap sees them", size,
                    newThreads);
        }
        if (deepestStack > Rubric.BODY_STACK_FRAMES_MAX) {
            return String.format(Locale.ROOT, "with %d sequences at depths of their own, a thread started since the"
                    + " measuring began was %d frames deep (at most %d): a generator's body waits a few frames deep,"
                    + " and deep frames can hold terms computed ahead where no reading of the heap sees them", size,
                    deepestStack, Rubric.BODY_STACK_FRAMES_MAX);
        }
        return null;
    }

    /** How many of its terms each sequence keeps, on average. */
    double termsEach() {
        return termBytes == 0 ? 0 : (double) kept / termBytes;
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
    static Crowd of(Supplier<Iterator<BigInteger>> make, int[] depths, Set<Thread> atStart) throws Exception {
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        long before = RetentionMain.reachableBytes();
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
                            + (term == null ? "missing: the sequence ended" : RetentionMain.abbreviate(term))
                            + ", expected " + RetentionMain.abbreviate(expected);
                    break;
                }
                BigInteger next = previous.add(expected);
                previous = expected;
                expected = next;
            }
            termBytes += RetentionMain.termBytes(previous);
        }
        long during = RetentionMain.reachableBytes();
        // and what is not on the heap: a platform thread's stack, where a parked thread can keep terms in the
        // locals of deep frames (red team 13); a lazy sequence starts no thread, and a body parks a few frames deep,
        // as does any thread started since the measuring JVM began (one worker shared by all sequences)
        Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
        int deepestStack = deepestStack(threads, atStart);
        int newThreads = 0;
        for (Thread thread : threads.keySet()) {
            if (!threadsBefore.contains(thread)) {
                newThreads++;
            }
        }
        Reference.reachabilityFence(crowd);
        for (Iterator<BigInteger> terms : crowd) {
            if (terms instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        crowd = null;
        long without = Math.min(before, RetentionMain.settledReachableBytes());
        return new Crowd(depths.length, wrong == null ? Math.max(0, during - without) : 0, termBytes, wrong,
                newThreads, deepestStack);
    }

    /** The deepest stack of the live threads that were not at the start, other than this one. */
    static int deepestStack(Set<Thread> atStart) {
        return deepestStack(Thread.getAllStackTraces(), atStart);
    }

    private static int deepestStack(Map<Thread, StackTraceElement[]> threads, Set<Thread> atStart) {
        int deepest = 0;
        for (Map.Entry<Thread, StackTraceElement[]> thread : threads.entrySet()) {
            if (!atStart.contains(thread.getKey()) && thread.getKey() != Thread.currentThread()) {
                deepest = Math.max(deepest, thread.getValue().length);
            }
        }
        return deepest;
    }
}
