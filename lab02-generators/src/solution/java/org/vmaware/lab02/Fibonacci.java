package org.vmaware.lab02;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lecture's Fibonacci, eager and lazy: REFERENCE SOLUTION (lab02, task 3).
 *
 * <p>Fully consumed, the lazy version allocates the same {@code BigInteger}s as the eager one. What it saves is what
 * stays alive: it holds two terms, where the list holds all of them.</p>
 */
public final class Fibonacci {

    private Fibonacci() {
    }

    /** The lecture's {@code fibonacci(fib_num)}: all {@code count} terms in a list. Naive on purpose. */
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

    /** The terms one at a time, each computed when {@code next()} asks for it. */
    public static Iterator<BigInteger> lazy(int count, LongAdder termsComputed) {
        return new Iterator<>() {
            private int produced;
            private BigInteger previous = BigInteger.ZERO;
            private BigInteger current = BigInteger.ONE;

            @Override
            public boolean hasNext() {
                return produced < count;
            }

            @Override
            public BigInteger next() {
                if (produced >= count) {
                    throw new NoSuchElementException();
                }
                BigInteger term = current;
                if (produced > 0) {
                    term = previous.add(current);
                    previous = current;
                    current = term;
                }
                produced++;
                termsComputed.increment();
                return term;
            }
        };
    }

    /** The lecture's {@code fibonacci_generator}, as a {@link Generator}. */
    public static Generator<BigInteger> generator(int count, LongAdder termsComputed) {
        return Generator.of(out -> {
            BigInteger previous = BigInteger.ZERO;
            BigInteger current = BigInteger.ONE;
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    BigInteger next = previous.add(current);
                    previous = current;
                    current = next;
                }
                termsComputed.increment();
                out.yield(current);
            }
        });
    }
}
