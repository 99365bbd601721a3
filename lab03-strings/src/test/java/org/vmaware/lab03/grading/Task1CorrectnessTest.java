package org.vmaware.lab03.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.Bursts;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;

/**
 * Task 1: every variant returns exactly what {@code +=} returns, on edge cases and on seeded random inputs with
 * empty pieces and text outside Latin-1, then in bursts of calls with pauses between them, as the timed checks
 * call. The starter's naive code passes these; speed is task 2.
 */
@DisplayName("Task 1: correctness")
class Task1CorrectnessTest {

    private static final int RANDOM_INPUTS = 40;

    @Graded(task = 1, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = "Concatenations#stringBuilder")
    @DisplayName("1a StringBuilder returns what += returns")
    void stringBuilder() {
        requireSameAsPlus(Variant.STRING_BUILDER);
    }

    @Graded(task = 1, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = "Concatenations#presizedStringBuilder")
    @DisplayName("1b presized StringBuilder returns what += returns")
    void presizedStringBuilder() {
        requireSameAsPlus(Variant.PRESIZED_STRING_BUILDER);
    }

    @Graded(task = 1, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = "Concatenations#stringJoin")
    @DisplayName("1c String.join returns what += returns")
    void stringJoin() {
        requireSameAsPlus(Variant.STRING_JOIN);
    }

    @Graded(task = 1, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = "Concatenations#stringFormat")
    @DisplayName("1d String.format returns what += returns")
    void stringFormat() {
        requireSameAsPlus(Variant.STRING_FORMAT);
    }

    @Graded(task = 1, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = "Concatenations#generatorJoining")
    @DisplayName("1e lazy stream + joining returns what += returns")
    void generatorJoining() {
        requireSameAsPlus(Variant.GENERATOR_JOINING);
    }

    @Graded(task = 1, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = "Concatenations#commonsJoin")
    @DisplayName("1f StringUtils.join returns what += returns")
    void commonsJoin() {
        requireSameAsPlus(Variant.COMMONS_JOIN);
    }

    @Graded(task = 1, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = {"Concatenations#repeatString", "Concatenations#repeatCommons"})
    @DisplayName("1g String.repeat and StringUtils.repeat return what += returns")
    void repeats() {
        RandomGenerator random = GradingSettings.current().random("repeats");
        for (RepeatVariant variant : RepeatVariant.values()) {
            for (int times : new int[] {0, 1, 2, 3, 17, 1000}) {
                Repetition input = Pieces.repetition(random, times);
                assertEquals(Baselines.repeatWithPlus(input), variant.apply(input),
                        () -> variant.title() + " differs from += for " + input);
            }
            Bursts.run(i -> {
                Repetition input = Pieces.repetition(random, random.nextInt(40));
                String got = variant.apply(input);
                if (!Pieces.isRepetition(input, got)) {
                    fail(variant.title() + " differs from += for " + input + " (call " + i + " of bursts of "
                            + Bursts.CALLS_PER_BURST + " calls, with pauses between them)");
                }
            });
        }
    }

    private static void requireSameAsPlus(Variant variant) {
        RandomGenerator random = GradingSettings.current().random(variant.name());
        for (List<String> pieces : Pieces.edgeCases()) {
            requireSame(variant.title(), Baselines::plusLoop, variant::apply, pieces);
        }
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            requireSame(variant.title(), Baselines::plusLoop, variant::apply, Pieces.random(random, random.nextInt(300)));
        }
        requireSame(variant.title(), Baselines::plusLoop, variant::apply, Pieces.random(random, Rubric.SPEED_PIECES));
        Bursts.run(i -> {
            List<String> pieces = Pieces.random(random, random.nextInt(40));
            if (!Pieces.isConcatenation(pieces, variant.apply(pieces))) {
                requireSame(variant.title() + " (call " + i + " of bursts of " + Bursts.CALLS_PER_BURST + " calls,"
                        + " with pauses between them)", Baselines::plusLoop, variant::apply, pieces);
            }
        });
    }

    private static void requireSame(String title, Function<List<String>, String> expected,
            Function<List<String>, String> actual, List<String> pieces) {
        String want = expected.apply(pieces);
        String got = actual.apply(pieces);
        if (!want.equals(got)) {
            int at = 0;
            while (at < Math.min(want.length(), got == null ? 0 : got.length()) && want.charAt(at) == got.charAt(at)) {
                at++;
            }
            String shown = pieces.size() <= 8 ? pieces.toString() : pieces.size() + " pieces";
            fail(title + " differs from += for " + shown + ": lengths " + want.length() + " and "
                    + (got == null ? "null" : String.valueOf(got.length())) + ", first difference at char " + at);
        }
    }
}
