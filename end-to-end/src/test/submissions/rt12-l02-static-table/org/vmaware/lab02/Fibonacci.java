package org.vmaware.lab02;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Red team 11 (lab02 3b, work done before it is measured): the first call fills a static table of the first 10,000
 * terms; every sequence after it hands terms out of the table, allocating nothing, and counts the probe as it goes.
 * Where 3b measured in the test JVM, 3a and the warm-up had already paid for the table.
 */
public final class Fibonacci {

    private static final int TABLE = 10_000;
    private static BigInteger[] table;

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

    private static synchronized BigInteger[] table() {
        if (table == null) {
            BigInteger[] terms = new BigInteger[TABLE];
            terms[0] = BigInteger.ONE;
            terms[1] = BigInteger.ONE;
            for (int i = 2; i < TABLE; i++) {
                terms[i] = terms[i - 1].add(terms[i - 2]);
            }
            table = terms;
        }
        return table;
    }

    public static Iterator<BigInteger> lazy(int count, LongAdder termsComputed) {
        BigInteger[] terms = count <= TABLE ? table() : null;
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
                BigInteger term;
                if (terms != null) {
                    term = terms[produced];
                } else {
                    term = current;
                    if (produced > 0) {
                        term = previous.add(current);
                        previous = current;
                        current = term;
                    }
                }
                produced++;
                termsComputed.increment();
                return term;
            }
        };
    }

    public static Generator<BigInteger> generator(int count, LongAdder termsComputed) {
        BigInteger[] terms = count <= TABLE ? table() : null;
        return Generator.of(out -> {
            BigInteger previous = BigInteger.ZERO;
            BigInteger current = BigInteger.ONE;
            for (int i = 0; i < count; i++) {
                if (terms != null) {
                    current = terms[i];
                } else if (i > 0) {
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
