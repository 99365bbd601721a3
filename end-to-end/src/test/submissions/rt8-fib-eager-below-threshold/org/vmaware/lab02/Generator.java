package org.vmaware.lab02;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A Python-style generator: YOUR CODE (lab02, task 2).
 *
 * <p>A body calls {@code out.yield(value)}; the caller consumes an {@code Iterator} (or a {@code Stream}). Java has no
 * {@code yield} that suspends a method, so a real generator runs its body on a thread of its own and the two sides
 * take turns: {@code next()} wakes the body and waits; {@code yield} hands a value over and waits for the next
 * {@code next()}.</p>
 * <pre>
 * try (Generator&lt;Integer&gt; g = Generator.of(out -&gt; { out.yield(1); out.yield(2); out.yield(3); })) {
 *     for (int value : g) { ... }                        // 1, 2, 3
 * }
 * </pre>
 *
 * <p>What the grader checks, as in Python:</p>
 * <ul>
 *   <li>the body does not start before the first {@code hasNext()} or {@code next()}, and runs only as far as the
 *       value asked for: values come one at a time;</li>
 *   <li>an exception thrown by the body reaches the consumer at the {@code next()} that would have returned the
 *       following value (a checked one wrapped in {@link GeneratorException}); after it, the generator is
 *       exhausted;</li>
 *   <li>{@link #close()} makes the suspended {@code yield} throw {@link GeneratorExit}, so the body's {@code finally}
 *       blocks run, and returns when the body has ended; then {@code hasNext()} is false;</li>
 *   <li>a generator that is exhausted, closed, or dropped without being closed (unreachable, then collected: use a
 *       {@link java.lang.ref.Cleaner}, and let the body's thread hold no reference to the generator) leaves nothing
 *       running: {@link #running()} counts the bodies started and not ended;</li>
 *   <li>many generators can run at once.</li>
 * </ul>
 *
 * <p>Use virtual threads where the JVM has them (21+) and daemon platform threads on 17: the given
 * {@link Threads#start(String, Runnable)} starts the right kind (the code is compiled for 17, and graded code may not
 * use reflection to reach {@code Thread.ofVirtual()} itself). Block on a
 * {@link java.util.concurrent.locks.ReentrantLock}, not inside {@code synchronized}: on JDK 21 to 23 that pins a
 * virtual thread's carrier.</p>
 *
 * <p>The starter is eager: it runs the whole body at the first {@code next()} and hands out a list. Its order is
 * right, and everything else above is wrong.</p>
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
     * An {@code Error}, like Python's {@code GeneratorExit} (a {@code BaseException}), so that a body's
     * {@code catch (Exception e)} does not swallow it.
     */
    public static final class GeneratorExit extends Error {
        private static final long serialVersionUID = 1L;

        GeneratorExit() {
            super("generator closed", null, false, false);
        }
    }

    /** A checked exception thrown by a generator's body, as the consumer receives it. */
    public static final class GeneratorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GeneratorException(Throwable cause) {
            super("the generator's body threw " + cause, cause);
        }
    }

    private final Body<T> body;
    private Iterator<T> values;

    private Generator(Body<T> body) {
        this.body = Objects.requireNonNull(body, "body");
    }

    /** Red team 8: a "generator" that is just an iterator, no body, no thread. */
    static <T> Generator<T> ofIterator(Iterator<T> source) {
        Generator<T> g = new Generator<>(out -> { });
        g.values = source;
        return g;
    }

    /** A generator running {@code body}. */
    public static <T> Generator<T> of(Body<T> body) {
        return new Generator<>(body);
    }

    /** The number of generator bodies started and not yet ended, in this JVM. */
    public static int running() {
        // TODO task 2: keep a registry of running bodies (a parked virtual thread is invisible to thread dumps)
        return 0;
    }

    /** Whether bodies run on virtual threads (JDK 21 and later) rather than platform threads. */
    public static boolean usesVirtualThreads() {
        return false;
    }

    @Override
    public boolean hasNext() {
        // TODO task 2: run the body on its own thread, up to its next yield, instead of all of it at once
        if (values == null) {
            List<T> all = new ArrayList<>();
            try {
                body.run(all::add);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new GeneratorException(e);
            }
            values = all.iterator();
        }
        return values.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the generator is exhausted");
        }
        return values.next();
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

    /** Stops the body, so its {@code finally} blocks run, and returns when it has ended. */
    @Override
    public void close() {
        // TODO task 2: make the suspended yield throw GeneratorExit, and wait for the body to end
        values = new ArrayList<T>().iterator();
    }
}
