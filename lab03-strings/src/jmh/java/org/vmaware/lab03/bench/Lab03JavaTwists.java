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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Two things Java does that the lecture's Python story does not cover. Run with -prof gc and read
 * gc.alloc.rate.norm (bytes per call).
 *
 * 1. a + b + c + d in ONE expression is not three concatenations. Since JDK 9, javac compiles it to a single
 *    invokedynamic call (StringConcatFactory) that sizes the result once and copies each part once: no
 *    intermediate strings, so the lecture's "90 characters instead of 40" does not happen. A LOOP of += is
 *    different: each iteration is its own two-part concatenation, so the intermediates come back.
 *
 * 2. Compact strings (JDK 9+): a String whose characters all fit in Latin-1 stores one byte per char; one
 *    character outside Latin-1 (Greek, CJK, an emoji) makes the whole string two bytes per char. The same
 *    StringBuilder work then allocates about twice the bytes.
 *
 * 3. For four short pieces, a default StringBuilder (16 chars, then doubling) allocates MORE than a += loop:
 *    object headers and the builder's growth dominate, and the copying the lecture counts does not show.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1) // with the graded runs' heap and GC: the bench profile passes grade.jvmFlags
public class Lab03JavaTwists {

    private String a;
    private String b;
    private String c;
    private String d;
    private List<String> fourPieces;
    private List<String> latin1Pieces;
    private List<String> greekPieces;

    @Setup
    public void setup() {
        a = "aaaaaaaaaa";
        b = "bbbbbbbbbb";
        c = "cccccccccc";
        d = "dddddddddd";
        fourPieces = List.of(a, b, c, d);
        latin1Pieces = new ArrayList<>(Collections.nCopies(10_000, "xyz"));
        greekPieces = new ArrayList<>(Collections.nCopies(10_000, "χψω"));
    }

    /* One expression: one invokedynamic concatenation, one result, no intermediates. */
    @Benchmark
    public String fourInOneExpression() {
        return a + b + c + d;
    }

    /* The same four pieces with += in a loop: three concatenations, two intermediate strings. */
    @Benchmark
    public String fourWithPlusLoop() {
        String s = "";
        for (String piece : fourPieces) {
            s += piece;
        }
        return s;
    }

    /* The same four pieces in a default StringBuilder: its 16-char buffer grows twice. */
    @Benchmark
    public String fourWithDefaultBuilder() {
        StringBuilder sb = new StringBuilder();
        for (String piece : fourPieces) {
            sb.append(piece);
        }
        return sb.toString();
    }

    /* 10,000 x "xyz": one byte per char. */
    @Benchmark
    public String latin1Builder() {
        return build(latin1Pieces);
    }

    /* 10,000 x "χψω": two bytes per char, about twice the bytes for the same work. */
    @Benchmark
    public String greekBuilder() {
        return build(greekPieces);
    }

    private static String build(List<String> pieces) {
        StringBuilder sb = new StringBuilder();
        for (String piece : pieces) {
            sb.append(piece);
        }
        return sb.toString();
    }

    /*
     * HOW TO RUN (from the repository's root):
     *
     *   ./mvnw -q -pl lab03-strings -am verify -Pbench \
     *       -Djmh.args="Lab03JavaTwists -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc"
     */
}
