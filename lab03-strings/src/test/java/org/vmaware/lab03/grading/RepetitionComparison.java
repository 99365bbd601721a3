package org.vmaware.lab03.grading;

import java.util.random.RandomGenerator;

import org.vmaware.grader.timing.Comparison;
import org.vmaware.grader.timing.SpeedUp;

/**
 * Task 2's repetition checks (2g, 2h), one public class per check, so a JVM of its own can rebuild one by name and
 * profile it (docs/profiles.md): one piece repeated {@link Rubric#SPEED_PIECES} to 10% more times, the student's
 * variant against the tests' {@code +=} ({@link Baselines#repeatWithPlus}). The count varies too: a cache keyed by
 * the piece's value would serve the 63 one-character pieces. Kept answers are checked in one pass
 * ({@link Pieces#isRepetition}).
 */
public abstract class RepetitionComparison implements Comparison<Repetition, String> {

    /** The student's variant this comparison times. */
    abstract RepeatVariant variant();

    @Override
    public Repetition input(RandomGenerator random) {
        return Pieces.asciiRepetition(random, Rubric.SPEED_PIECES + random.nextInt(Rubric.SPEED_PIECES / 10));
    }

    @Override
    public String baseline(Repetition input) {
        return Baselines.repeatWithPlus(input);
    }

    @Override
    public String candidate(Repetition input) {
        return variant().apply(input);
    }

    @Override
    public SpeedUp<Repetition, String> speedUp(String name) {
        return Comparison.super.speedUp(name).verifiedBy(Pieces::isRepetition);
    }

    /** 2g. */
    public static final class StringRepeatVsPlus extends RepetitionComparison {
        @Override
        RepeatVariant variant() {
            return RepeatVariant.STRING_REPEAT;
        }
    }

    /** 2h. */
    public static final class CommonsRepeatVsPlus extends RepetitionComparison {
        @Override
        RepeatVariant variant() {
            return RepeatVariant.COMMONS_REPEAT;
        }
    }
}
