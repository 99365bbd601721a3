package org.vmaware.lab03.grading;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.GradeBook;
import org.vmaware.grader.KeyedRandom;
import org.vmaware.grader.Observation;
import org.vmaware.grader.timing.Allocation;

/**
 * Measurements shown beside the score and worth no points: the lecture's claims set against what the JVM does.
 * They use only the tests' own code, so they are the same for every submission.
 */
@DisplayName("Observations (not graded)")
class ObservationsTest {

    @Observation
    @DisplayName("+= allocates quadratically")
    void plusGrowth() {
        KeyedRandom calls = KeyedRandom.of(7, "observed += growth");
        double growth = Allocation.growth((n, i) -> Pieces.ascii(calls.child(i), n),
                Baselines::plusLoop, Rubric.GROWTH_PIECES);
        GradeBook.get().observe(String.format(Locale.ROOT, "+= bytes grow %.2fx from %,d to %,d pieces (quadratic: 4x)",
                growth, Rubric.GROWTH_PIECES, 2 * Rubric.GROWTH_PIECES));
    }

    @Observation
    @DisplayName("four pieces of ten characters")
    void fourShortPieces() {
        IntFunction<List<String>> four = i -> List.of("aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc", "dddddddddd");
        long plus = Allocation.bytesPerCall(four, Baselines::plusLoop);
        long builder = Allocation.bytesPerCall(four, ObservationsTest::defaultBuilder);
        long oneExpression = Allocation.bytesPerCall(four, ObservationsTest::oneExpression);
        GradeBook.get().observe(String.format(Locale.ROOT, "4 pieces of 10 chars: += loop %d bytes, default"
                + " StringBuilder %d bytes, a + b + c + d in one expression %d bytes (the lecture's 90 vs 40 chars"
                + " copied does not show at this size: headers and the builder's growth dominate)", plus, builder,
                oneExpression));
    }

    @Observation
    @DisplayName("text outside Latin-1 costs two bytes a char")
    void compactStrings() {
        long latin1Bytes = Allocation.bytesPerCall(i -> Collections.nCopies(Rubric.BYTES_PIECES, "xyz"),
                ObservationsTest::defaultBuilder);
        long greekBytes = Allocation.bytesPerCall(i -> Collections.nCopies(Rubric.BYTES_PIECES, "χψω"),
                ObservationsTest::defaultBuilder);
        GradeBook.get().observe(String.format(Locale.ROOT, "StringBuilder over %,d x \"xyz\": %,d bytes; over %,d x"
                + " \"χψω\": %,d bytes (%.2fx: compact strings store Latin-1 in one byte a char)", Rubric.BYTES_PIECES,
                latin1Bytes, Rubric.BYTES_PIECES, greekBytes, (double) greekBytes / latin1Bytes));
    }

    private static String defaultBuilder(List<String> pieces) {
        StringBuilder sb = new StringBuilder();
        for (String piece : pieces) {
            sb.append(piece);
        }
        return sb.toString();
    }

    private static String oneExpression(List<String> four) {
        return four.get(0) + four.get(1) + four.get(2) + four.get(3);
    }
}
