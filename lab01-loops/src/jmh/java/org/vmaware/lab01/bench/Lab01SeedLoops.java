package org.vmaware.lab01.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.vmaware.lab01.SeedLoops;

/*
 * The lecture's four loops at the lecture's three sizes, timed the way %timeit timed them: the same array, called
 * again and again. In CPython (the lecture's numbers, n = 1,024): no_opt 971 us, reg_opt 800, unroll_opt 473,
 * macro_equiv_opt 209.
 *
 * On the JVM the answer depends on which tier runs the code, so run this class three times, once per tier (HOW TO
 * RUN below):
 *
 *   -Xint                      the interpreter: typed bytecode, one instruction at a time, no inlining. A call is
 *                              a new frame, arguments and a return: far more than a loop's back-edge. Only
 *                              macroEquivOpt, which has no call, is much faster. That is also what CPython saves
 *                              with unroll_opt: interpreter dispatch and the range() iterator's work per step, not
 *                              branch mispredictions.
 *   -XX:TieredStopAtLevel=1    C1, the quick compiler: it inlines func, but it neither unrolls the inner loop nor
 *                              keeps theArray[idx] in a register across it, so unrollOpt and macroEquivOpt are
 *                              about 5x faster than noOpt.
 *   (no flag)                  C2, the optimizing compiler: it inlines, unrolls, keeps values in registers and
 *                              removes the array bounds checks by itself. All four loops run alike.
 *
 * Each method returns its sum, which JMH consumes: a sum nobody uses is work the JIT deletes (Lab01DeadSum).
 *
 * Where the analogy to CPython stops: the JVM's interpreter runs typed bytecode on unboxed ints, so even -Xint is
 * far from what CPython does with every integer (an object, reference-counted, reached through a pointer). The
 * closer analogy is a List<Integer> (Lab01WhatC2CannotDo.boxedSum).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1) // with the graded runs' heap and GC: the bench profile passes grade.jvmFlags
public class Lab01SeedLoops {

    @Param({"1024", "2048", "16384"})
    private int size;

    private int[] theArray;

    @Setup
    public void setup() {
        // the lecture's [0] * size; the values grow by 10 a call and wrap, as ints do
        theArray = new int[size];
    }

    @Benchmark
    public long noOpt() {
        return SeedLoops.noOpt(size, theArray);
    }

    @Benchmark
    public long regOpt() {
        return SeedLoops.regOpt(size, theArray);
    }

    @Benchmark
    public long unrollOpt() {
        return SeedLoops.unrollOpt(size, theArray);
    }

    @Benchmark
    public long macroEquivOpt() {
        return SeedLoops.macroEquivOpt(size, theArray);
    }

    /*
     * HOW TO RUN (from the repository's root), once per tier; it times your code (in the course's repository,
     * -Psolution times the reference solution instead):
     *
     *   ./mvnw -q -pl lab01-loops -am verify -Pbench \
     *       -Djmh.args="Lab01SeedLoops -f 1 -wi 3 -w 1s -i 5 -r 1s -jvmArgsAppend -Xint"
     *   ./mvnw -q -pl lab01-loops -am verify -Pbench \
     *       -Djmh.args="Lab01SeedLoops -f 1 -wi 3 -w 1s -i 5 -r 1s -jvmArgsAppend -XX:TieredStopAtLevel=1"
     *   ./mvnw -q -pl lab01-loops -am verify -Pbench -Djmh.args="Lab01SeedLoops -f 1 -wi 3 -w 1s -i 5 -r 1s"
     */
}
