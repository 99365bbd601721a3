package org.vmaware.lab02;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * The lecture's countdown {@code Counter}: REFERENCE SOLUTION (lab02, task 1).
 *
 * <p>The lecture's {@code __next__} does not return a value: it calls itself until the count reaches zero, then
 * raises {@code StopIteration}, so its loop prints every number and receives none. An iterator returns one value per
 * call and keeps its place in fields; {@code hasNext()} only looks.</p>
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

    /** A fresh countdown each time, so the same {@code Countdown} can be iterated again. */
    @Override
    public Iterator<Integer> iterator() {
        return new Iterator<>() {
            private int number = start;

            @Override
            public boolean hasNext() {
                return number > 0;
            }

            @Override
            public Integer next() {
                if (number <= 0) {
                    throw new NoSuchElementException("End of Countdown");
                }
                pause.pause();
                return number--;
            }
        };
    }

    /** The countdown written short, as a lazy stream: each value is computed (and paused for) when consumed. */
    public static Stream<Integer> stream(int start, Pause pause) {
        return Stream.iterate(start, n -> n > 0, n -> n - 1).map(n -> {
            pause.pause();
            return n;
        });
    }

    /** The lecture's generator {@code Counter(limit)}. */
    public static Generator<Integer> generator(int start, Pause pause) {
        return Generator.of(out -> {
            for (int n = start; n > 0; n--) {
                pause.pause();
                out.yield(n);
            }
        });
    }
}
