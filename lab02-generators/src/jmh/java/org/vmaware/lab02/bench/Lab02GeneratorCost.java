package org.vmaware.lab02.bench;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.vmaware.lab02.Generator;

/*
 * What one value costs, three ways, for 1,000 values (time per value).
 *
 * A CPython generator suspends a frame on the heap and resumes it: no thread, no lock. Java has no such thing before
 * continuations are public, so lab02's Generator runs its body on a thread and hands each value over: a lock, a
 * condition, a park and an unpark on each side. Virtual threads (JDK 21+) make the threads cheap to create and
 * park, but the hand-off stays. A hand-written Iterator keeps its place in fields and costs nanoseconds; so does a
 * stream, which the JIT compiles into a loop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1) // with the graded runs' heap and GC: the bench profile passes grade.jvmFlags
public class Lab02GeneratorCost {

    private static final int VALUES = 1000;

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long generator() {
        long sum = 0;
        try (Generator<Integer> values = Generator.of(out -> {
            for (int i = 0; i < VALUES; i++) {
                out.yield(i);
            }
        })) {
            while (values.hasNext()) {
                sum += values.next();
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long handWrittenIterator() {
        Iterator<Integer> values = new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < VALUES;
            }

            @Override
            public Integer next() {
                if (i >= VALUES) {
                    throw new NoSuchElementException();
                }
                return i++;
            }
        };
        long sum = 0;
        while (values.hasNext()) {
            sum += values.next();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long stream() {
        return IntStream.range(0, VALUES).asLongStream().sum();
    }

    /*
     * HOW TO RUN (from the repository's root); it times your code (in the course's repository, -Psolution times the
     * reference solution instead):
     *
     *   ./mvnw -q -pl lab02-generators -am verify -Pbench \
     *       -Djmh.args="Lab02GeneratorCost -f 1 -wi 2 -w 1s -i 3 -r 1s"
     */
}
