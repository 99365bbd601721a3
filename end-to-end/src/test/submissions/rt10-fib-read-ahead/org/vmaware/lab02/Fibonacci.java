package org.vmaware.lab02;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Red team 10: a read-ahead Fibonacci. The first three terms are lazy (3b used to look only there); after them the
 * sequence computes the next 1,000 terms at once whenever its buffer runs dry, counting the probe only as terms are
 * handed out. Near the end of the sequence (where 3c used to measure) the buffer holds the last few terms only.
 */
public final class Fibonacci {

    private static final int AHEAD = 1_000;

    private Fibonacci() {
    }

    /** GIVEN, and naive on purpose: all {@code count} terms in a list. */
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

    public static Iterator<BigInteger> lazy(int count, LongAdder termsComputed) {
        return new Iterator<>() {
            private final ArrayDeque<BigInteger> ahead = new ArrayDeque<>();
            private int computed;
            private int handedOut;
            private BigInteger previous = BigInteger.ZERO;
            private BigInteger current = BigInteger.ONE;

            @Override
            public boolean hasNext() {
                return handedOut < count;
            }

            @Override
            public BigInteger next() {
                if (handedOut >= count) {
                    throw new NoSuchElementException();
                }
                if (ahead.isEmpty()) {
                    int batch = handedOut < 3 ? 1 : Math.min(AHEAD, count - computed);
                    for (int i = 0; i < batch; i++) {
                        ahead.add(computeOne());
                    }
                }
                handedOut++;
                termsComputed.increment();
                return ahead.poll();
            }

            private BigInteger computeOne() {
                BigInteger term = current;
                if (computed > 0) {
                    term = previous.add(current);
                    previous = current;
                    current = term;
                }
                computed++;
                return term;
            }
        };
    }

    /** Honest, so that 3b's generator half passes and the points turn on lazy() alone. */
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
