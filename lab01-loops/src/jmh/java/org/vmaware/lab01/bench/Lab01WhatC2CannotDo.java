package org.vmaware.lab01.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
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

import org.vmaware.lab01.Accumulators;
import org.vmaware.lab01.Boxing;
import org.vmaware.lab01.Branches;
import org.vmaware.lab01.Traversal;

/*
 * C2 inlines, unrolls, keeps values in registers and removes bounds checks: the lecture's loop tricks are its job.
 * What it cannot do is change your data's layout or your arithmetic's meaning. Each pair below is naive first,
 * then the rewrite you made in tasks 2 to 5 (in the course's repository, -Psolution times the reference's).
 *
 * 1. boxedSum vs primitiveSum: a List<Integer> holds references to 16-byte Integer objects, an int[] holds the
 *    values. Five times the bytes to stream, a dependent load per element. This is the closest Java comes to what
 *    CPython does with every integer, and primitive arrays are Java's answer to the lecture's "use NumPy".
 *
 * 2. branchRandom, branchSorted, branchFree: the famous "sorted data is faster" effect needs a branch the CPU
 *    mispredicts. Here C2's profile sees the if go either way half the time and compiles it to a conditional move,
 *    so sorted and random data run alike. The branch-free version has no control flow at all, so C2 vectorizes it.
 *
 * 3. columnByColumn vs rowByRow: an int[][] is an array of row arrays. Walking a row uses each cache line whole;
 *    walking a column touches a new line, in another array, for every element. No JIT swaps the loops.
 *
 * 4. oneAccumulator vs fourAccumulators: double addition is not associative, so the JIT keeps your order: one
 *    chain of dependent adds, each waiting 3-4 cycles for the last. Four accumulators are four chains in flight.
 *    intSum is the contrast: an int add takes one cycle, and the JIT may reorder int sums (the result cannot
 *    change), so one accumulator is no bottleneck there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1) // with the graded runs' heap and GC: the bench profile passes grade.jvmFlags
public class Lab01WhatC2CannotDo {

    private static final int BOXED_SIZE = 1 << 22;
    private static final int BYTES_SIZE = 1 << 16;
    private static final int MATRIX_SIZE = 2048;
    private static final int DOUBLES_SIZE = 8192;

    private int[] values;
    private List<Integer> boxed;
    private int[] randomBytes;
    private int[] sortedBytes;
    private int[][] matrix;
    private double[] doubles;
    private int[] ints;

    @Setup
    public void setup() {
        SplittableRandom random = new SplittableRandom(42);
        values = random.ints(BOXED_SIZE).toArray();
        boxed = new ArrayList<>(BOXED_SIZE);
        for (int value : values) {
            boxed.add(value);
        }
        randomBytes = random.ints(BYTES_SIZE, 0, 256).toArray();
        sortedBytes = randomBytes.clone();
        Arrays.sort(sortedBytes);
        matrix = new int[MATRIX_SIZE][];
        for (int row = 0; row < MATRIX_SIZE; row++) {
            matrix[row] = random.ints(MATRIX_SIZE).toArray();
        }
        doubles = random.doubles(DOUBLES_SIZE).toArray();
        ints = random.ints(DOUBLES_SIZE).toArray();
    }

    @Benchmark
    public long boxedSum() {
        return Boxing.sumBoxed(boxed, 0, BOXED_SIZE);
    }

    @Benchmark
    public long primitiveSum() {
        return Boxing.sumPrimitive(values, 0, BOXED_SIZE);
    }

    @Benchmark
    public int branchRandom() {
        return Branches.sumAtLeast128WithBranch(randomBytes, 0, BYTES_SIZE);
    }

    @Benchmark
    public int branchSorted() {
        return Branches.sumAtLeast128WithBranch(sortedBytes, 0, BYTES_SIZE);
    }

    @Benchmark
    public int branchFree() {
        return Branches.sumAtLeast128BranchFree(randomBytes, 0, BYTES_SIZE);
    }

    @Benchmark
    public long columnByColumn() {
        return Traversal.sumColumnByColumn(matrix, 0, MATRIX_SIZE);
    }

    @Benchmark
    public long rowByRow() {
        return Traversal.sumRowByRow(matrix, 0, MATRIX_SIZE);
    }

    @Benchmark
    public double oneAccumulator() {
        return Accumulators.sumOneAccumulator(doubles, 0, DOUBLES_SIZE);
    }

    @Benchmark
    public double fourAccumulators() {
        return Accumulators.sumFourAccumulators(doubles, 0, DOUBLES_SIZE);
    }

    /* The same number of ints, summed into an int: one-cycle adds, which the JIT may reorder. */
    @Benchmark
    public int intSum() {
        int sum = 0;
        for (int value : ints) {
            sum += value;
        }
        return sum;
    }

    /*
     * HOW TO RUN (from the repository's root); it times your code (in the course's repository, -Psolution times the
     * reference solution instead):
     *
     *   ./mvnw -q -pl lab01-loops -am verify -Pbench \
     *       -Djmh.args="Lab01WhatC2CannotDo -f 1 -wi 3 -w 1s -i 5 -r 1s"
     */
}
