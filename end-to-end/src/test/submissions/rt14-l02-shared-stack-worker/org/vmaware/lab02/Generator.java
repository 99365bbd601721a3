package org.vmaware.lab02;

import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A Python-style generator: REFERENCE SOLUTION (lab02, task 2).
 *
 * <p>Java has no {@code yield} that suspends a method, so the body runs on a thread of its own and the two sides take
 * turns: {@code next()} wakes the body and waits; {@code out.yield(value)} hands the value over and waits for the
 * next {@code next()}. Only one side runs at a time, so the body needs no locking of its own.</p>
 * <pre>
 * try (Generator&lt;Integer&gt; g = Generator.of(out -&gt; { out.yield(1); out.yield(2); out.yield(3); })) {
 *     for (int value : g) {
 *         System.out.println(value);       // 1, 2, 3
 *     }
 * }
 * </pre>
 *
 * <p>Semantics as in Python: the body does not start before the first {@code hasNext()} or {@code next()}; values come
 * one at a time; an exception thrown by the body reaches the consumer at the {@code next()} that would have returned
 * the following value; {@link #close()} makes the suspended {@code yield} throw {@link GeneratorExit}, so the body's
 * {@code finally} blocks run, and waits for the body to end. A generator that is exhausted, closed, or dropped
 * without being closed (unreachable, then collected) leaves no thread behind.</p>
 *
 * <p>The traps this design avoids:</p>
 * <ul>
 *   <li>The body's thread never references this handle (only the {@link Channel}), so an abandoned generator can be
 *       collected while its body is suspended; a {@link Cleaner} then closes the channel.</li>
 *   <li>Blocking happens on a {@link ReentrantLock}'s condition, never inside {@code synchronized}: on JDK 21 to 23 a
 *       virtual thread that blocks inside {@code synchronized} pins its carrier thread.</li>
 *   <li>A parked virtual thread does not show up in thread dumps or {@code ThreadMXBean}, so the generators keep their
 *       own registry of running bodies: {@link #running()}.</li>
 *   <li>Virtual threads are reached through method handles: this code is compiled for Java 17, where they do not
 *       exist, and uses platform threads (daemon) there.</li>
 * </ul>
 *
 * @param <T> the type of the values
 */
public final class Generator<T> implements Iterator<T>, Iterable<T>, AutoCloseable {

    /** The code of a generator: it calls {@code out.yield(value)} for each value. */
    @FunctionalInterface
    public interface Body<T> {
        void run(Yielder<T> out) throws Exception;
    }

    /** What a body yields through. */
    public interface Yielder<T> {
        /** Hands {@code value} to the consumer and waits until the consumer asks for the next one. */
        void yield(T value);
    }

    /**
     * Thrown out of {@code yield} when the generator is closed, so the body unwinds and its {@code finally} blocks run.
     * An {@code Error}, like Python's {@code GeneratorExit} (a {@code BaseException}) and Java's old
     * {@code ThreadDeath}, so that a body's {@code catch (Exception e)} does not swallow it.
     */
    public static final class GeneratorExit extends Error {
        private static final long serialVersionUID = 1L;

        GeneratorExit() {
            super("generator closed", null, false, false);
        }
    }

    private static final Cleaner CLEANER = Cleaner.create();
    private static final Set<Channel<?>> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicLong NAMES = new AtomicLong();

    private final Channel<T> channel;
    private final Cleaner.Cleanable cleanable;

    private Generator(Body<T> body) {
        this.channel = new Channel<>(Objects.requireNonNull(body, "body"));
        // the action holds the channel only: a reference to this handle would keep it reachable forever
        this.cleanable = CLEANER.register(this, channel::closeAsync);
    }

    /** A generator running {@code body}; nothing runs until the first {@code hasNext()} or {@code next()}. */
    public static <T> Generator<T> of(Body<T> body) {
        return new Generator<>(body);
    }

    /** The number of generator bodies started and not yet ended, in this JVM. */
    public static int running() {
        return RUNNING.size();
    }

    /** Whether bodies run on virtual threads (JDK 21 and later) rather than platform threads. */
    public static boolean usesVirtualThreads() {
        return Threads.virtual();
    }

    @Override
    public boolean hasNext() {
        return channel.advance();
    }

    @Override
    public T next() {
        if (!channel.advance()) {
            throw new NoSuchElementException("the generator is exhausted");
        }
        return channel.take();
    }

    /** This generator itself, as in Python: it can be iterated once. */
    @Override
    public Iterator<T> iterator() {
        return this;
    }

    /** The remaining values as a sequential stream; closing the stream closes the generator. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /**
     * Stops the body: a suspended {@code yield} throws {@link GeneratorExit}, the body's {@code finally} blocks run,
     * and this method returns when the body has ended. Closing an exhausted, unstarted or closed generator does
     * nothing. Afterwards {@code hasNext()} is false.
     *
     * @throws IllegalStateException if the body caught {@code GeneratorExit} and yielded again
     * @throws RuntimeException      what the body's {@code finally} blocks threw while it unwound
     */
    @Override
    public void close() {
        cleanable.clean();
        channel.awaitEnd();
    }

    /** The state both sides share. Nothing in it refers to the {@link Generator} handle. */
    private static final class Channel<T> implements Yielder<T>, Runnable {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition turnChanged = lock.newCondition();
        private Body<T> body;
        private boolean started;
        private boolean producerTurn;
        private boolean hasValue;
        private T value;
        private boolean finished;
        private boolean closing;
        private boolean exitThrown;
        private Throwable failure;

        Channel(Body<T> body) {
            this.body = body;
        }

        /** Consumer: whether a value is ready, running the body up to its next yield if needed. */
        boolean advance() {
            lock.lock();
            try {
                if (hasValue) {
                    return true;
                }
                throwFailure();
                if (finished || closing) {
                    return false;
                }
                producerTurn = true;
                if (!started) {
                    started = true;
                    RUNNING.add(this);
                    try {
                        startThread(this);
                    } catch (RuntimeException | Error e) {
                        RUNNING.remove(this);
                        finished = true;
                        producerTurn = false;
                        throw e;
                    }
                } else {
                    turnChanged.signalAll();
                }
                while (producerTurn) {
                    awaitTurn();
                }
                if (hasValue) {
                    return true;
                }
                throwFailure();
                return false;
            } finally {
                lock.unlock();
            }
        }

        /** Consumer: the ready value, handed over once. */
        T take() {
            lock.lock();
            try {
                T taken = value;
                value = null;
                hasValue = false;
                return taken;
            } finally {
                lock.unlock();
            }
        }

        /** Producer: called by the body. */
        @Override
        public void yield(T produced) {
            lock.lock();
            try {
                if (closing) {
                    if (exitThrown) {
                        failure = new IllegalStateException("the generator ignored GeneratorExit: its body caught it"
                                + " and yielded again");
                    }
                    exitThrown = true;
                    throw new GeneratorExit();
                }
                value = produced;
                hasValue = true;
                producerTurn = false;
                turnChanged.signalAll();
                while (!producerTurn && !closing) {
                    turnChanged.awaitUninterruptibly();
                }
                if (closing) {
                    exitThrown = true;
                    throw new GeneratorExit();
                }
            } finally {
                lock.unlock();
            }
        }

        /** Producer thread: runs the body once, then records how it ended. */
        @Override
        public void run() {
            Throwable thrown = null;
            try {
                body.run(this);
            } catch (GeneratorExit exit) {
                // the normal end of a closed generator
            } catch (Throwable t) {
                thrown = t;
            } finally {
                lock.lock();
                try {
                    body = null;
                    if (thrown != null && failure == null) {
                        failure = thrown;
                    }
                    finished = true;
                    producerTurn = false;
                    value = hasValue ? value : null;
                    turnChanged.signalAll();
                } finally {
                    lock.unlock();
                    RUNNING.remove(this);
                }
            }
        }

        /** Cleaner or close(): asks a suspended body to stop, without waiting. */
        void closeAsync() {
            lock.lock();
            try {
                if (!started) {
                    finished = true;
                    body = null;
                }
                closing = true;
                hasValue = false;
                value = null;
                turnChanged.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /**
         * close(): waits for a started body to end, then throws what its {@code finally} blocks threw, if anything, or
         * an {@code IllegalStateException} if it yielded again after {@code GeneratorExit}.
         */
        void awaitEnd() {
            lock.lock();
            try {
                while (!finished) {
                    turnChanged.awaitUninterruptibly();
                }
                throwFailure();
            } finally {
                lock.unlock();
            }
        }

        private void awaitTurn() {
            try {
                turnChanged.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the generator's next value", e);
            }
        }

        private void throwFailure() {
            Throwable thrown = failure;
            if (thrown == null) {
                return;
            }
            failure = null;
            finished = true;
            if (thrown instanceof RuntimeException) {
                throw (RuntimeException) thrown;
            }
            if (thrown instanceof Error) {
                throw (Error) thrown;
            }
            throw new GeneratorException(thrown);
        }
    }

    /** A checked exception thrown by a generator's body, as the consumer receives it. */
    public static final class GeneratorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GeneratorException(Throwable cause) {
            super("the generator's body threw " + cause, cause);
        }
    }

    private static void startThread(Runnable task) {
        Threads.start("generator-" + NAMES.incrementAndGet(), task);
    }
}
