package org.vmaware.lab03.grading;

import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.Hints;

/**
 * Task 2: on the lecture's workload (short ASCII pieces), each builder-style variant is at least {@link Rubric#SPEEDUP_TARGET} times faster than {@code +=} at
 * {@link Rubric#SPEED_PIECES} pieces, decided by the timing verdict engine (paired rounds in random order, thread
 * CPU time, a sign-test interval). The {@code +=} side is the tests' own copy ({@link Baselines}). Every answer the
 * engine keeps is checked by {@link Pieces#isConcatenation} (one pass over the result): {@code +=} is far too slow
 * to be the oracle.
 */
@DisplayName("Task 2: speed")
class Task2SpeedTest {

    @Graded(task = 2, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "Concatenations#stringBuilder")
    @DisplayName("2a StringBuilder is faster than +=")
    void stringBuilder() {
        requireFasterThanPlus(new ConcatenationComparison.StringBuilderVsPlus(), Hints.forCheck("2a"));
    }

    @Graded(task = 2, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "Concatenations#presizedStringBuilder")
    @DisplayName("2b presized StringBuilder is faster than +=")
    void presizedStringBuilder() {
        requireFasterThanPlus(new ConcatenationComparison.PresizedStringBuilderVsPlus(), Hints.forCheck("2b"));
    }

    @Graded(task = 2, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "Concatenations#stringJoin")
    @DisplayName("2c String.join is faster than +=")
    void stringJoin() {
        requireFasterThanPlus(new ConcatenationComparison.StringJoinVsPlus(), Hints.forCheck("2c"));
    }

    @Graded(task = 2, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "Concatenations#stringFormat")
    @DisplayName("2d String.format is faster than +=")
    void stringFormat() {
        requireFasterThanPlus(new ConcatenationComparison.StringFormatVsPlus(), Hints.forCheck("2d"));
    }

    @Graded(task = 2, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "Concatenations#generatorJoining")
    @DisplayName("2e lazy stream + joining is faster than +=")
    void generatorJoining() {
        requireFasterThanPlus(new ConcatenationComparison.GeneratorJoiningVsPlus(), Hints.forCheck("2e"));
    }

    @Graded(task = 2, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "Concatenations#commonsJoin")
    @DisplayName("2f StringUtils.join is faster than +=")
    void commonsJoin() {
        requireFasterThanPlus(new ConcatenationComparison.CommonsJoinVsPlus(), Hints.forCheck("2f"));
    }

    @Graded(task = 2, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "Concatenations#repeatString")
    @DisplayName("2g String.repeat is faster than +=")
    void stringRepeat() {
        requireFasterThanPlus(new RepetitionComparison.StringRepeatVsPlus(), Hints.forCheck("2g"));
    }

    @Graded(task = 2, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "Concatenations#repeatCommons")
    @DisplayName("2h StringUtils.repeat is faster than +=")
    void commonsRepeat() {
        requireFasterThanPlus(new RepetitionComparison.CommonsRepeatVsPlus(), Hints.forCheck("2h"));
    }

    private static void requireFasterThanPlus(ConcatenationComparison comparison, String hint) {
        comparison.speedUp(comparison.variant().title() + " vs +=, " + Rubric.SPEED_PIECES + " pieces")
                .atLeast(Rubric.SPEEDUP_TARGET).hint(hint).measure().require();
    }

    private static void requireFasterThanPlus(RepetitionComparison comparison, String hint) {
        comparison.speedUp(comparison.variant().title() + " vs +=, one piece " + Rubric.SPEED_PIECES + " to "
                        + (Rubric.SPEED_PIECES + Rubric.SPEED_PIECES / 10) + " times")
                .atLeast(Rubric.SPEEDUP_TARGET).hint(hint).measure().require();
    }
}
