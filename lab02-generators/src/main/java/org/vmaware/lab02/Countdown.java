package org.vmaware.lab02;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The lecture's countdown {@code Counter}: YOUR CODE (lab02, task 1).
 *
 * <p>A countdown from {@code start} to 1 that pauses before each value (the lecture sleeps one second; the tests pass
 * an instant pause that counts its calls). It must keep Java's iterator protocol:</p>
 * <ul>
 *   <li>{@code hasNext()} only looks: it can be called any number of times and changes nothing;</li>
 *   <li>{@code next()} returns the next value, or throws {@code NoSuchElementException} past the end (Python's
 *       {@code StopIteration});</li>
 *   <li>for-each works, and each call of {@code iterator()} starts a fresh countdown.</li>
 * </ul>
 * <pre>
 * for (int n : new Countdown(3, pause)) { ... }     // 3, 2, 1, with one pause before each
 * Countdown.stream(3, pause).toList()               = [3, 2, 1]
 * </pre>
 *
 * <p>The starter is the lecture's class, translated line by line: it is wrong (its {@code next()} calls itself
 * instead of returning a value). Fix it, then write {@link #stream} and {@link #generator} short.</p>
 */
public final class Countdown implements Iterable<Integer> {

    /** What happens before each value: the lecture sleeps one second; tests pass something instant. */
    @FunctionalInterface
    public interface Pause {
        void pause();

        /** The lecture's {@code time.sleep(1)}. */
        static Pause oneSecond() {
            return () -> {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
        }
    }

    private final int start;
    private final Pause pause;

    /** A countdown from {@code start} to 1, pausing before each value; {@code start <= 0} counts nothing. */
    public Countdown(int start, Pause pause) {
        this.start = start;
        this.pause = pause;
    }

    /** Task 1a: the lecture's {@code __iter__} and {@code __next__}. */
    @Override
    public Iterator<Integer> iterator() {
        // TODO task 1a: the lecture's code, translated as it stands; next() must return one value, not recurse
        return new Iterator<>() {
            private int number = start;

            @Override
            public boolean hasNext() {
                return number > 0;
            }

            @Override
            public Integer next() {
                if (number == 0) {
                    throw new NoSuchElementException("End of Class Counter");
                }
                pause.pause();
                number -= 1;
                return next();
            }
        };
    }

    /** Task 1b: the countdown as a lazy stream, in a line or two: a value is computed (and paused for) when consumed. */
    public static Stream<Integer> stream(int start, Pause pause) {
        // TODO task 1b: Stream.iterate with a condition, not this iterator
        return StreamSupport.stream(new Countdown(start, pause).spliterator(), false);
    }

    /** Task 1b: the lecture's generator {@code Counter(limit)}, with {@link Generator}. */
    public static Generator<Integer> generator(int start, Pause pause) {
        // TODO task 1b: a loop that pauses and yields n, from start down to 1
        return Generator.of(out -> {
            for (int n : new Countdown(start, pause)) {
                out.yield(n);
            }
        });
    }
}
