package org.vmaware.lab02.grading;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.vmaware.grader.KeyedRandom;
import org.vmaware.grader.fork.Channel;
import org.vmaware.grader.timing.Clock;
import org.vmaware.lab02.Fibonacci;
import org.vmaware.lab02.Generator;
import org.vmaware.lab02.Threads;

/**
 * When a lazy Fibonacci and its generator do their work, measured in a JVM of their own (3b):
 * {@code LazinessMain COUNT DEPTH SEED} (the seed draws the depths of its crowds). The answer goes to the parent as
 * one frame on the grader's {@link Channel}: {@value #LAZY} with what was measured, or {@value #EAGER} saying where
 * work was done ahead.
 *
 * <p>Why a JVM of its own: in the test JVM the submission's code has run before the check starts (3a, a warm-up),
 * so a table of terms filled then could be handed out later allocating nothing (red team 11). Here no code of the
 * submission has run before the first measured call, and the bytes allocated on every thread are counted without a
 * gap from that call to the last: work done ahead is allocated inside a measured call, wherever it is done.</p>
 */
public final class LazinessMain {

    /** The frame with what was measured, for the report. */
    static final String LAZY = "lazy";
    /** The frame saying where work was done before it was asked for (or a wrong term). */
    static final String EAGER = "eager";

    private LazinessMain() {
    }

    public static void main(String[] args) throws Exception {
        // first, before any student class is loaded: from here on System.out is the capped output, not the channel
        Channel.openInChild();
        int count = Integer.parseInt(args[0]);
        int depth = Integer.parseInt(args[1]);
        KeyedRandom random = KeyedRandom.of(Long.parseLong(args[2]), "fibonacci crowds");
        if (Clock.allThreadsAllocatedBytes() == 0) {
            Channel.send(LAZY, "this JVM does not count allocated bytes");
            return;
        }
        Set<Thread> atStart = Thread.getAllStackTraces().keySet();
        loadWithoutRunning();
        warmUpTheJdk();
        String lazyName = "lazy(" + count + ")";
        String generatorName = "generator(" + count + ")";
        Sequence lazy = probe -> Fibonacci.lazy(count, probe);
        Sequence generator = probe -> Fibonacci.generator(count, probe);
        try {
            // one reading after another from the first call into the submission to the last: no gap between them
            long reachable = RetentionMain.reachableBytes();
            Reading reading = new Reading(Clock.allThreadsAllocatedBytes());
            Measured lazyMeasured = measure(lazyName, reading, lazy, depth, false);
            Measured generatorMeasured = measure(generatorName, reading, generator, depth, true);
            // terms computed ahead to be handed out later are kept somewhere: with both sequences at their depth,
            // what is reachable beyond what was before the first call holds them
            long kept = Math.max(0, RetentionMain.reachableBytes() - reachable);
            int deepest = Crowd.deepestStack(atStart);
            ((AutoCloseable) generatorMeasured.terms()).close();
            if (deepest > Rubric.BODY_STACK_FRAMES_MAX) {
                throw new Eager(String.format(Locale.ROOT, "%s and %s, each %,d terms in: a thread started since the"
                        + " measuring began was %d frames deep (at most %d): a generator's body waits a few frames"
                        + " deep, and deep frames can hold terms computed ahead where no reading of the heap sees"
                        + " them", lazyName, generatorName, depth, deepest, Rubric.BODY_STACK_FRAMES_MAX));
            }
            // and with the generator closed, what the lazy sequence keeps, its classes' static fields included: one
            // store of terms computed ahead that all sequences share is there, and only there
            long lazyKept = Math.max(0, RetentionMain.settledReachableBytes() - reachable);
            Reference.reachabilityFence(lazyMeasured.terms());
            if (kept > Rubric.KEPT_AT_DEPTH_MAX) {
                throw new Eager(String.format(Locale.ROOT, "%s and %s, each %,d terms in, kept %,d bytes reachable"
                        + " that were not before their first call (at most %,d: two terms each, a body's thread and"
                        + " the lab's classes): terms computed before they were asked for are kept to be handed out",
                        lazyName, generatorName, depth, kept, Rubric.KEPT_AT_DEPTH_MAX));
            }
            if (lazyKept > Rubric.LAZY_KEPT_MAX) {
                throw new Eager(String.format(Locale.ROOT, "%s, %,d terms in, kept %,d bytes reachable that were not"
                        + " before its first call, with the generator closed (at most %,d: two terms, the lab's"
                        + " classes and what a closed generator leaves): terms computed before they were asked for"
                        + " are kept to be handed out", lazyName, depth, lazyKept, Rubric.LAZY_KEPT_MAX));
            }
            // one sequence's batch, computed into memory it reuses, is lost in the reading's noise; a crowd's is not
            Crowd lazies = Crowd.of(() -> Fibonacci.lazy(count, new LongAdder()),
                    crowdDepths(random, Rubric.CROWD_LAZIES, count), atStart);
            keptLittle("lazy(" + count + ")", lazies, Rubric.CROWD_LAZY_BYTES, true);
            Crowd generators = Crowd.of(() -> Fibonacci.generator(count, new LongAdder()),
                    crowdDepths(random, Rubric.CROWD_GENERATORS, count), atStart);
            keptLittle("generator(" + count + ")", generators, Rubric.CROWD_GENERATOR_BYTES, false);
            Channel.send(LAZY, lazyMeasured.describe(lazyName, depth, false) + "; "
                    + generatorMeasured.describe(generatorName, depth, true) + String.format(Locale.ROOT,
                    "; kept %,d bytes reachable at that depth, lazy alone %,d; %s; %s", kept, lazyKept,
                    lazies.describe("lazy sequences"),
                    generators.describe("generators")));
        } catch (Eager e) {
            Channel.send(EAGER, e.getMessage());
        }
        // a generator's body left running must not keep this JVM up until the parent's time limit
        System.exit(0);
    }

    /** Depths for a crowd of sequences, one each, drawn between a quarter and three quarters of the count. */
    private static int[] crowdDepths(KeyedRandom random, int sequences, int count) {
        return random.ints(sequences, count / 4, count - count / 4).toArray();
    }

    /** Fails where a crowd of sequences kept more than their terms and their own parts, on the heap or off it. */
    private static void keptLittle(String what, Crowd crowd, long perSequenceBytes, boolean lazy)
            throws Eager {
        if (crowd.wrong() != null) {
            throw new Eager(what + ", " + crowd.wrong());
        }
        if (crowd.threadsHold(lazy) != null) {
            throw new Eager(what + ": " + crowd.threadsHold(lazy));
        }
        if (crowd.kept() > crowd.limit(perSequenceBytes)) {
            throw new Eager(String.format(Locale.ROOT, "%,d sequences of %s, each taken to a depth of its own, kept %,d"
                    + " bytes reachable, %.1f times the bytes of the terms they stand at (at most %,d: %d terms' bytes"
                    + " and %,d for each sequence): terms computed before they were asked for are kept to be handed"
                    + " out, whatever memory they were computed into", crowd.size(), what, crowd.kept(),
                    crowd.termsEach(), crowd.limit(perSequenceBytes), Rubric.CROWD_TERMS_MAX, perSequenceBytes));
        }
    }

    /** The last reading of the bytes allocated on all threads: each measured span starts where the last one ended. */
    private static final class Reading {
        long last;

        Reading(long last) {
            this.last = last;
        }

        /** The bytes allocated since the last reading; this one becomes the last. */
        long since() {
            long now = Clock.allThreadsAllocatedBytes();
            long bytes = now - last;
            last = now;
            return bytes;
        }
    }

    /** Work done before it was asked for, or a wrong answer: the message says which and where. */
    private static final class Eager extends Exception {
        private static final long serialVersionUID = 1L;

        Eager(String message) {
            super(message, null, false, false);
        }
    }

    /** What one sequence allocated: made and three terms, and its {@code next()} closest to its limit. */
    private record Measured(Iterator<BigInteger> terms, long ahead, long largestBytes, int largestCall,
            long largestLimit) {
        String describe(String what, int depth, boolean pause) {
            return String.format(Locale.ROOT, "%s: made and three next() %,d bytes on all threads; of next() 4 to"
                    + " %,d, the closest to its limit %,d bytes at next() number %,d%s (limit %,d)", what, ahead,
                    depth, largestBytes, largestCall, pause && largestCall == depth ? " and the 20 ms after it" : "",
                    largestLimit);
        }
    }

    private interface Sequence {
        Iterator<BigInteger> make(LongAdder probe);
    }

    /**
     * Makes a sequence and takes three terms (at most {@link Rubric#AHEAD_BYTES_MAX} in all, or
     * {@link Rubric#GENERATOR_AHEAD_BYTES_MAX} for a generator, its class's first use included), then takes terms to
     * {@code depth}, each {@code next()} allocating at most a few terms' bytes.
     */
    private static Measured measure(String what, Reading reading, Sequence sequence, int depth, boolean pause)
            throws Exception {
        LongAdder probe = new LongAdder();
        Iterator<BigInteger> terms = sequence.make(probe);
        if (pause) {
            Thread.sleep(20);
        }
        long made = reading.since();
        if (probe.sum() != 0) {
            throw new Eager(what + " computed terms before anyone asked (the lecture timed exactly this: making a"
                    + " generator, which computes nothing)");
        }
        BigInteger previous = BigInteger.ZERO;
        BigInteger expected = BigInteger.ONE;
        long ahead = made;
        // kept as numbers: formatting text between two readings would count the formatter's first use as a term's
        long largestExcess = Long.MIN_VALUE;
        long largestBytes = 0;
        long largestLimit = 0;
        int largestCall = 0;
        for (int call = 1; call <= depth; call++) {
            BigInteger term = terms.hasNext() ? terms.next() : null;
            if (pause && call == depth) {
                // a body that runs ahead on its own thread does so while the consumer waits
                Thread.sleep(20);
            }
            if (!expected.equals(term)) {
                throw new Eager(what + ": term " + call + " is " + (term == null ? "missing: the sequence ended"
                        : RetentionMain.abbreviate(term)) + ", expected " + RetentionMain.abbreviate(expected));
            }
            BigInteger next = previous.add(expected);
            previous = expected;
            expected = next;
            long bytes = reading.since();
            if (call <= 3) {
                ahead += bytes;
                long aheadMax = pause ? Rubric.GENERATOR_AHEAD_BYTES_MAX : Rubric.AHEAD_BYTES_MAX;
                if (call == 3 && ahead > aheadMax) {
                    throw new Eager(String.format(Locale.ROOT, "%s: making it and three next() allocated %,d bytes"
                            + " on the JVM's threads, its class's first use included, more than the %,d a lazy"
                            + " sequence needs: it computes terms before they are asked for, whatever its probe says",
                            what, ahead, aheadMax));
                }
                continue;
            }
            long limit = callLimit(term);
            if (bytes - limit > largestExcess) {
                largestExcess = bytes - limit;
                largestBytes = bytes;
                largestLimit = limit;
                largestCall = call;
            }
            if (bytes > limit) {
                throw new Eager(String.format(Locale.ROOT, "%s: next() number %,d%s allocated %,d bytes on the JVM's"
                        + " threads, more than the %,d that computing one term of %,d bits allows: it computes terms"
                        + " before they are asked for, whatever its probe says", what, call,
                        pause && call == depth ? " and the 20 ms after it" : "", bytes, limit, term.bitLength()));
            }
            if (probe.sum() != call) {
                throw new Eager(what + " after " + call + " next(): " + probe.sum() + " terms computed, not " + call);
            }
        }
        return new Measured(terms, ahead, largestBytes, largestCall, largestLimit);
    }

    /**
     * What one {@code next()} may allocate on all threads: a few times the term it hands out (the tests' own running
     * pair adds one more), and a fixed part for a generator's hand-over between threads.
     */
    static long callLimit(BigInteger term) {
        long termBytes = RetentionMain.termBytes(term);
        return Rubric.CALL_BYTES_BASE + Rubric.CALL_TERMS_MAX * termBytes;
    }

    /**
     * Pays here, with no code of the submission, for the first use of what the measuring and a generator's hand-over
     * need from the JDK and the lab's given code: the allocation counter, a thread started by the given
     * {@link Threads} (virtual where the JVM has them), a lock and its condition, a cleaner, a concurrent set, a
     * stream over an iterator. The first use of each allocates class data and caches (about 180 KB in all), which is
     * not work done ahead.
     */
    private static void warmUpTheJdk() throws InterruptedException {
        // the counter is read through a method handle, which the JDK compiles after about 127 calls (13 to 32 KB)
        for (int i = 0; i < 1_000; i++) {
            Clock.allThreadsAllocatedBytes();
        }
        ReentrantLock lock = new ReentrantLock();
        Condition handedOver = lock.newCondition();
        Set<Object> running = ConcurrentHashMap.newKeySet();
        AtomicLong names = new AtomicLong();
        Thread thread = Threads.start("warm-up-" + names.incrementAndGet(), () -> {
            lock.lock();
            try {
                running.add(lock);
                handedOver.signalAll();
            } finally {
                lock.unlock();
            }
        });
        lock.lock();
        try {
            while (running.isEmpty()) {
                handedOver.await(10, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
        thread.join();
        running.remove(lock);
        Cleaner cleaner = Cleaner.create();
        cleaner.register(new Object(), () -> { }).clean();
        Iterator<Integer> values = List.of(1, 2, 3).iterator();
        StreamSupport.stream(Spliterators.spliteratorUnknownSize(values, Spliterator.ORDERED), false)
                .onClose(() -> { }).count();
        LockSupport.unpark(Thread.currentThread());
        LockSupport.parkNanos(1);
        // the first look at the memory pools leaves their beans reachable (about 45 KB on JDK 17)
        RetentionMain.reachableBytes();
        Clock.allThreadsAllocatedBytes();
    }

    /**
     * Loads the submission's classes without initialising them, so that no code of theirs runs: reading a class file
     * allocates, which is not work done ahead. Its static initialisers run inside the first measured call.
     */
    private static void loadWithoutRunning() throws IOException, URISyntaxException, ClassNotFoundException {
        ClassLoader loader = LazinessMain.class.getClassLoader();
        Class.forName(Fibonacci.class.getName(), false, loader);
        Class.forName(Generator.class.getName(), false, loader);
        Path root = Path.of(Fibonacci.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lab = root.resolve("org/vmaware/lab02");
        if (!Files.isDirectory(lab)) {
            return;
        }
        try (Stream<Path> files = Files.list(lab)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.equals("module-info.class")) {
                    Class.forName("org.vmaware.lab02." + name.substring(0, name.length() - ".class".length()), false,
                            loader);
                }
            }
        }
    }
}
