package org.vmaware.lab01.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/*
 * The lecture's unroll_opt and macro_equiv_opt set sum_val = 0 and never add to it: they do less work than no_opt
 * and reg_opt, so part of their speed-up is the work they dropped. In CPython dropping it is a real saving. On the
 * JVM you cannot even measure a loop that computes a sum nobody uses: C2 sees that the sum is never read and deletes
 * the additions (dead-code elimination), keeping only what is observable, the writes to the array.
 *
 * So a benchmark that computes a result and throws it away measures less than the code you meant (JMH samples:
 * JMHSample_08_DeadCode). WRONG and RIGHT below do the same loop; only RIGHT returns the sum, which JMH consumes.
 * Expect wrong_sumDropped to be faster than right_sumReturned with C2, and the same in the interpreter (-Xint),
 * which deletes nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1) // with the graded runs' heap and GC: the bench profile passes grade.jvmFlags
public class Lab01DeadSum {

    private static final int SIZE = 16_384;

    private int[] theArray;

    @Setup
    public void setup() {
        theArray = new int[SIZE];
    }

    /* WRONG: the sum is computed and dropped; C2 deletes its additions, so this times only the array writes. */
    @Benchmark
    public void wrong_sumDropped() {
        macroEquivOpt(SIZE, theArray);
    }

    /* RIGHT: the sum is returned; JMH consumes it (a Blackhole), so the JIT must compute it. */
    @Benchmark
    public long right_sumReturned() {
        return macroEquivOpt(SIZE, theArray);
    }

    /* The lecture's macro_equiv_opt, keeping its sum. */
    private static long macroEquivOpt(int arraySize, int[] array) {
        long sumVal = 0;
        for (int idx = 0; idx < arraySize; idx++) {
            int value = array[idx];
            value = 0 + value;
            sumVal += value;
            value = 1 + value;
            sumVal += value;
            value = 2 + value;
            sumVal += value;
            value = 3 + value;
            sumVal += value;
            value = 4 + value;
            sumVal += value;
            array[idx] = value;
        }
        return sumVal;
    }

    /*
     * HOW TO RUN (from the repository's root):
     *
     *   ./mvnw -q -pl lab01-loops -am verify -Pbench -Djmh.args="Lab01DeadSum -f 1 -wi 3 -w 1s -i 5 -r 1s"
     *   ./mvnw -q -pl lab01-loops -am verify -Pbench -Djmh.args="Lab01DeadSum -f 1 -wi 3 -w 1s -i 5 -r 1s -jvmArgsAppend -Xint"
     */
}
