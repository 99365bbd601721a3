package org.vmaware.lab03.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

import org.vmaware.grader.KeyedRandom;

/**
 * Seeded inputs: lists of pieces with empty strings, Latin-1 text, and text outside Latin-1 (Greek, CJK, and
 * emoji, which take two chars each). A fresh list per call, drawn from a fixed pool, so a list is cheap to make
 * and no two inputs are the same object.
 */
public final class Pieces {

    private static final String[] ALPHABETS = {
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ",
        "éèàçßøåñü",
        "αβγδεζηθχψω",
        "漢字文化圈",
        "\uD83D\uDE00\uD83D\uDE80\uD83C\uDF89",
    };
    private static final Map<String, int[]> CODE_POINTS = new ConcurrentHashMap<>();
    private static final String[] POOL = pool(KeyedRandom.of(20261125L, "pool"), 1024);
    private static final String[] ASCII_POOL = asciiPool(KeyedRandom.of(20261126L, "ascii pool"), 1024);

    private Pieces() {
    }

    /**
     * n pieces drawn at random from a pool of mixed text, empty pieces included. The list cannot be changed: the
     * naive side and yours get the same list, and an answer is checked against it after the call.
     */
    public static List<String> random(RandomGenerator random, int n) {
        List<String> pieces = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pieces.add(POOL[random.nextInt(POOL.length)]);
        }
        return List.copyOf(pieces);
    }

    /** n pieces of the lecture's kind: short ASCII, 1 to 6 characters; the list cannot be changed. */
    public static List<String> ascii(RandomGenerator random, int n) {
        List<String> pieces = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pieces.add(ASCII_POOL[random.nextInt(ASCII_POOL.length)]);
        }
        return List.copyOf(pieces);
    }

    /**
     * A fresh list of fresh pieces of the same shape as {@code shape}: each piece as long, in chars, and stored alike
     * (Latin-1 or UTF-16), so concatenating it allocates the same bytes, with new random values, so no cache keyed
     * by value serves it. The list cannot be changed.
     */
    public static List<String> like(List<String> shape, RandomGenerator random) {
        List<String> pieces = new ArrayList<>(shape.size());
        for (String piece : shape) {
            boolean latin1 = piece.chars().allMatch(c -> c <= 0xFF);
            pieces.add(word(random, latin1 ? ALPHABETS[0] : ALPHABETS[2], piece.length()));
        }
        return List.copyOf(pieces);
    }

    /** A random short piece to repeat n times: ASCII, like the lecture's "xyz". */
    public static Repetition asciiRepetition(RandomGenerator random, int times) {
        return new Repetition(word(random, ALPHABETS[0], 1 + random.nextInt(4)), times);
    }

    /** A random short piece to repeat n times, from any of the alphabets. */
    public static Repetition repetition(RandomGenerator random, int times) {
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        return new Repetition(word(random, alphabet, 1 + random.nextInt(4)), times);
    }

    /**
     * A repetition of the same shape as {@code shape} (the piece's alphabet and length, the times) with a fresh
     * random piece: inputs for counting bytes, which must be alike in size and new in value.
     */
    public static Repetition repetitionLike(Repetition shape, RandomGenerator random) {
        String first = shape.piece();
        String alphabet = ALPHABETS[0];
        for (String candidate : ALPHABETS) {
            if (candidate.contains(new String(Character.toChars(first.codePointAt(0))))) {
                alphabet = candidate;
                break;
            }
        }
        return new Repetition(word(random, alphabet, first.codePointCount(0, first.length())), shape.times());
    }

    /**
     * Whether {@code result} is the pieces, in order, with nothing between them: the length first, then each piece
     * matched in place. A trusted check that costs no more than one pass over the result, where {@code +=} as the
     * oracle would cost hundreds of times the candidate's call.
     */
    public static boolean isConcatenation(List<String> pieces, String result) {
        if (result == null) {
            return false;
        }
        long length = 0;
        for (String piece : pieces) {
            length += piece.length();
        }
        if (length != result.length()) {
            return false;
        }
        int at = 0;
        for (String piece : pieces) {
            if (!result.startsWith(piece, at)) {
                return false;
            }
            at += piece.length();
        }
        return true;
    }

    /** Whether {@code result} is the piece repeated the given times: its length, the piece first, then its period. */
    public static boolean isRepetition(Repetition input, String result) {
        String piece = input.piece();
        if (result == null || (long) piece.length() * input.times() != result.length()) {
            return false;
        }
        // the piece, then every char equal to the one a piece's length before it: two copies and one equals,
        // each a block operation, so checking costs about what String.repeat does, not a loop over 10,000 pieces
        int period = piece.length();
        return result.isEmpty() || result.startsWith(piece) && (result.length() <= period
                || result.substring(period).equals(result.substring(0, result.length() - period)));
    }

    /** The inputs where implementations tend to break. */
    public static List<List<String>> edgeCases() {
        return List.of(List.of(), List.of(""), List.of("", ""), List.of("a"), List.of("\uD83D\uDE00"),
                List.of("", "xyz", "", "χψω", ""), List.of("a", "b", "c", "d"), List.of("%s", "%n", "%%", "{}"),
                List.of("xyz".repeat(1000), "z"));
    }

    private static String[] pool(RandomGenerator random, int size) {
        String[] pool = new String[size];
        for (int i = 0; i < size; i++) {
            String alphabet = random.nextInt(4) == 0 ? ALPHABETS[1 + random.nextInt(ALPHABETS.length - 1)] : ALPHABETS[0];
            pool[i] = i % 64 == 0 ? "" : word(random, alphabet, 1 + random.nextInt(8));
        }
        return pool;
    }

    private static String[] asciiPool(RandomGenerator random, int size) {
        String[] pool = new String[size];
        for (int i = 0; i < size; i++) {
            pool[i] = word(random, ALPHABETS[0], 1 + random.nextInt(6));
        }
        return pool;
    }

    private static String word(RandomGenerator random, String alphabet, int length) {
        int[] codePoints = CODE_POINTS.computeIfAbsent(alphabet, a -> a.codePoints().toArray());
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return word.toString();
    }
}
