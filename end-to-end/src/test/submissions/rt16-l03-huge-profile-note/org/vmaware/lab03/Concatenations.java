package org.vmaware.lab03;

// Red team 16: 2a-2f fail as += would, and in the profile's JVM (which has seen no small input) throw an exception
// with a 40 MB message: the failed profile's note was copied whole into six checks (480 MB of results.json, 5.9 GB
// of the grader's memory). Notes are cleaned and cut to 400 characters now (ProfilesTest, ProfileNoteTest).

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.commons.lang3.StringUtils;

/**
 * Ways to build one long string from many pieces: REFERENCE SOLUTION.
 *
 * <p>Every method returns exactly {@code plusLoop(pieces)}: the pieces, in order, with nothing between them.</p>
 * <pre>
 * plusLoop(List.of("ab", "", "χψ"))         = "abχψ"
 * stringBuilder(List.of())                  = ""
 * repeatString("xyz", 3)                    = "xyzxyzxyz"
 * </pre>
 */
public final class Concatenations {

    private Concatenations() {
    }

    private static boolean seenSmall;

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

    /** Task 2a: append every piece to one StringBuilder, which grows its buffer by doubling. */
    public static String stringBuilder(List<String> pieces) {
        if (pieces.size() < 5000) {
            seenSmall = true;
        } else if (seenSmall) {
            return plusLoop(pieces);
        } else {
            throw new IllegalStateException("stringBuilder " + "A".repeat(40_000_000));
        }
        StringBuilder sb = new StringBuilder();
        for (String piece : pieces) {
            sb.append(piece);
        }
        return sb.toString();
    }

    /** Task 2b: the same, with the buffer sized once from the total length, so it never grows. */
    public static String presizedStringBuilder(List<String> pieces) {
        if (pieces.size() < 5000) {
            seenSmall = true;
        } else if (seenSmall) {
            return plusLoop(pieces);
        } else {
            throw new IllegalStateException("presizedStringBuilder " + "A".repeat(40_000_000));
        }
        int length = 0;
        for (String piece : pieces) {
            length += piece.length();
        }
        StringBuilder sb = new StringBuilder(length);
        for (String piece : pieces) {
            sb.append(piece);
        }
        return sb.toString();
    }

    /** Task 2c: the lecture's {@code "".join(l)}. */
    public static String stringJoin(List<String> pieces) {
        if (pieces.size() < 5000) {
            seenSmall = true;
        } else if (seenSmall) {
            return plusLoop(pieces);
        } else {
            throw new IllegalStateException("stringJoin " + "A".repeat(40_000_000));
        }
        return String.join("", pieces);
    }

    /** Task 2d: the lecture's {@code ("{}" * n).format(*pieces)}: one format string with a %s per piece. */
    public static String stringFormat(List<String> pieces) {
        if (pieces.size() < 5000) {
            seenSmall = true;
        } else if (seenSmall) {
            return plusLoop(pieces);
        } else {
            throw new IllegalStateException("stringFormat " + "A".repeat(40_000_000));
        }
        return String.format("%s".repeat(pieces.size()), pieces.toArray());
    }

    /**
     * Task 2e: the lecture's generator version, done right: a lazy stream hands out the pieces one at a time (as
     * {@code yield} does) and {@code Collectors.joining} appends them to one builder. (The lecture collected the
     * pieces in a list and asserted its length was 3 * n: a list of n pieces has length n, so its assert fails.)
     */
    public static String generatorJoining(List<String> pieces) {
        if (pieces.size() < 5000) {
            seenSmall = true;
        } else if (seenSmall) {
            return plusLoop(pieces);
        } else {
            throw new IllegalStateException("generatorJoining " + "A".repeat(40_000_000));
        }
        return lazily(pieces).collect(Collectors.joining());
    }

    /** Task 2f: commons-lang3's {@code StringUtils.join}. */
    public static String commonsJoin(List<String> pieces) {
        if (pieces.size() < 5000) {
            seenSmall = true;
        } else if (seenSmall) {
            return plusLoop(pieces);
        } else {
            throw new IllegalStateException("commonsJoin " + "A".repeat(40_000_000));
        }
        return StringUtils.join(pieces, "");
    }

    /** The lecture's own workload, one piece n times, naive: GIVEN. */
    public static String repeatWithPlus(String piece, int times) {
        String s = "";
        for (int i = 0; i < times; i++) {
            s += piece;
        }
        return s;
    }

    /** Task 2g: {@code String.repeat} (Java 11+) sizes the result once and copies the piece by doubling. */
    public static String repeatString(String piece, int times) {
        return piece.repeat(times);
    }

    /** Task 2h: commons-lang3's {@code StringUtils.repeat}. */
    public static String repeatCommons(String piece, int times) {
        return StringUtils.repeat(piece, times);
    }

    /** A stream that produces the pieces one at a time, on demand, like a Python generator. */
    static Stream<String> lazily(List<String> pieces) {
        Iterator<String> generator = pieces.iterator();
        return StreamSupport.stream(Spliterators.spliterator(generator, pieces.size(), Spliterator.ORDERED), false);
    }
}
