package org.vmaware.lab03;

import java.util.List;

/**
 * Ways to build one long string from many pieces: YOUR CODE (lab03, tasks 1 and 2).
 *
 * <p>Every method must return exactly {@code plusLoop(pieces)}: the pieces, in order, with nothing between them.
 * Each one below is correct but naive: it uses {@code +=}, whose cost grows with the square of the number of
 * pieces. Rewrite each one the way its comment asks; the grader times it against {@code +=} at 10,000 pieces
 * and counts the bytes it allocates. Keep the method names and signatures.</p>
 * <pre>
 * plusLoop(List.of("ab", "", "χψ"))         = "abχψ"
 * stringBuilder(List.of())                  = ""
 * repeatString("xyz", 3)                    = "xyzxyzxyz"
 * </pre>
 */
public final class Concatenations {

    private Concatenations() {
    }

    /**
     * The lecture's {@code s += "xyz"}: GIVEN, and naive on purpose. A Java {@code String} is immutable, so every
     * {@code +=} allocates a new array and copies everything built so far: n pieces cost O(n²) copying.
     */
    public static String plusLoop(List<String> pieces) {
        String s = "";
        for (String piece : pieces) {
            s += piece;
        }
        return s;
    }

    /** Task 2a: append every piece to one {@code StringBuilder}. */
    public static String stringBuilder(List<String> pieces) {
        return plusLoop(pieces); // TODO task 2a
    }

    /** Task 2b: a {@code StringBuilder} sized once, from the total length of the pieces, so it never grows. */
    public static String presizedStringBuilder(List<String> pieces) {
        return plusLoop(pieces); // TODO task 2b
    }

    /** Task 2c: the lecture's {@code "".join(l)}, in Java: {@code String.join}. */
    public static String stringJoin(List<String> pieces) {
        return plusLoop(pieces); // TODO task 2c
    }

    /**
     * Task 2d: the lecture's {@code ("{}" * n).format(*pieces)}: ONE call of {@code String.format} with a format
     * string that has a {@code %s} per piece. (Below, a format call per piece: correct, and slower than +=.)
     */
    public static String stringFormat(List<String> pieces) {
        String s = "";
        for (String piece : pieces) {
            s = String.format("%s%s", s, piece); // TODO task 2d
        }
        return s;
    }

    /**
     * Task 2e: the lecture's generator version. Hand out the pieces one at a time from a lazy stream (as
     * {@code yield} does) and collect them with {@code Collectors.joining()}. (Below, the stream is folded with
     * {@code +}: lazy, correct, and quadratic.)
     */
    public static String generatorJoining(List<String> pieces) {
        return pieces.stream().reduce("", (s, piece) -> s + piece); // TODO task 2e
    }

    /** Task 2f: commons-lang3's {@code StringUtils.join}. */
    public static String commonsJoin(List<String> pieces) {
        return plusLoop(pieces); // TODO task 2f
    }

    /** The lecture's own workload, one piece n times, naive: GIVEN. */
    public static String repeatWithPlus(String piece, int times) {
        String s = "";
        for (int i = 0; i < times; i++) {
            s += piece;
        }
        return s;
    }

    /** Task 2g: {@code String.repeat}. */
    public static String repeatString(String piece, int times) {
        return repeatWithPlus(piece, times); // TODO task 2g
    }

    /** Task 2h: commons-lang3's {@code StringUtils.repeat}. */
    public static String repeatCommons(String piece, int times) {
        return repeatWithPlus(piece, times); // TODO task 2h
    }
}
