package org.vmaware.lab03.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

import org.vmaware.lab03.Concatenations;

/*
 * The lecture: "Don't use + for generating long strings." In Python a str is immutable, so s += "xyz" copies
 * everything built so far, and n appends copy about 3n²/2 characters.
 *
 * A Java String is immutable too, and the JIT cannot save you here: each s += piece allocates a new byte[] of the
 * whole length and copies into it (javac compiles += to an invokedynamic concatenation of TWO strings, so the
 * JIT sees one concatenation per iteration, not the loop). The cure is the same as in Python: append to one
 * growable buffer (StringBuilder, String.join, Collectors.joining, StringUtils.join) or let a library size the
 * result once (String.repeat).
 *
 * Read the results with the GC profiler (-prof gc): gc.alloc.rate.norm is the bytes per call. For +=, time and
 * bytes grow about 4x from n to 2n (quadratic); for every other variant about 2x (linear). The @Param sizes are
 * the lecture's (10, 1,000 and 10,000 pieces of "xyz"); the growth between them is the control that the
 * benchmark measures what we think: a constant that scaled wrong would show here first.
 *
 * At n = 10 nothing is worth optimizing: the differences are tens of nanoseconds, and a default StringBuilder
 * (16 chars, then doubling) can allocate MORE than += (see Lab03JavaTwists). The lesson is about growth.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1) // with the graded runs' heap and GC: the bench profile passes grade.jvmFlags
public class Lab03StringBuilding {

    @Param({"10", "1000", "10000"})
    public int n;

    private List<String> pieces;

    @Setup
    public void setup() {
        pieces = new ArrayList<>(Collections.nCopies(n, "xyz"));
    }

    /* WRONG: quadratic copying. */
    @Benchmark
    public String plusLoop() {
        return Concatenations.plusLoop(pieces);
    }

    /* RIGHT: one buffer, grown by doubling: each character is copied a constant number of times on average. */
    @Benchmark
    public String stringBuilder() {
        return Concatenations.stringBuilder(pieces);
    }

    /* RIGHT, and no growth at all: the buffer is sized from the total length first. */
    @Benchmark
    public String presizedStringBuilder() {
        return Concatenations.presizedStringBuilder(pieces);
    }

    /* RIGHT: the lecture's "".join(l). */
    @Benchmark
    public String stringJoin() {
        return Concatenations.stringJoin(pieces);
    }

    /* RIGHT but slowest of the linear ones: the format string is parsed into n specifiers first. */
    @Benchmark
    public String stringFormat() {
        return Concatenations.stringFormat(pieces);
    }

    /* RIGHT: the lecture's generator, collected into one builder. */
    @Benchmark
    public String generatorJoining() {
        return Concatenations.generatorJoining(pieces);
    }

    @Benchmark
    public String commonsJoin() {
        return Concatenations.commonsJoin(pieces);
    }

    /* The lecture's own workload (one piece n times): WRONG. */
    @Benchmark
    public String repeatWithPlus() {
        return Concatenations.repeatWithPlus("xyz", n);
    }

    /* RIGHT: sized once, filled by doubling copies of the piece. */
    @Benchmark
    public String repeatString() {
        return Concatenations.repeatString("xyz", n);
    }

    @Benchmark
    public String repeatCommons() {
        return Concatenations.repeatCommons("xyz", n);
    }

    /*
     * HOW TO RUN (from the repository's root; JMH forks its own JVMs, so it runs through exec:exec):
     *
     *   ./mvnw -q -pl lab03-strings -am verify -Pbench \
     *       -Djmh.args="Lab03StringBuilding -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc"
     *
     * This times your own code (in the course's repository, -Psolution times the reference solution). Add
     * -rf csv -rff target/jmh.csv for a file of results.
     */
}
