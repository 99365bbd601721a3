package org.vmaware.lab03.grading;

import java.util.List;
import java.util.random.RandomGenerator;

import org.vmaware.grader.timing.Comparison;
import org.vmaware.grader.timing.SpeedUp;

/**
 * Task 2's comparisons, one public class per check, so a JVM of its own can rebuild one by name: a failed check is
 * profiled that way after the timed runs (docs/profiles.md). The naive side is the tests' {@code +=}
 * ({@link Baselines}); every kept answer is checked in one pass ({@link Pieces#isConcatenation}), since {@code +=}
 * is far too slow to be the oracle.
 */
public abstract class ConcatenationComparison implements Comparison<List<String>, String> {

    /** The student's variant this comparison times. */
    abstract Variant variant();

    @Override
    public List<String> input(RandomGenerator random) {
        return Pieces.ascii(random, Rubric.SPEED_PIECES);
    }

    @Override
    public String baseline(List<String> pieces) {
        return Baselines.plusLoop(pieces);
    }

    @Override
    public String candidate(List<String> pieces) {
        return variant().apply(pieces);
    }

    @Override
    public SpeedUp<List<String>, String> speedUp(String name) {
        return Comparison.super.speedUp(name).verifiedBy(Pieces::isConcatenation);
    }

    /** 2a. */
    public static final class StringBuilderVsPlus extends ConcatenationComparison {
        @Override
        Variant variant() {
            return Variant.STRING_BUILDER;
        }
    }

    /** 2b. */
    public static final class PresizedStringBuilderVsPlus extends ConcatenationComparison {
        @Override
        Variant variant() {
            return Variant.PRESIZED_STRING_BUILDER;
        }
    }

    /** 2c. */
    public static final class StringJoinVsPlus extends ConcatenationComparison {
        @Override
        Variant variant() {
            return Variant.STRING_JOIN;
        }
    }

    /** 2d. */
    public static final class StringFormatVsPlus extends ConcatenationComparison {
        @Override
        Variant variant() {
            return Variant.STRING_FORMAT;
        }
    }

    /** 2e. */
    public static final class GeneratorJoiningVsPlus extends ConcatenationComparison {
        @Override
        Variant variant() {
            return Variant.GENERATOR_JOINING;
        }
    }

    /** 2f. */
    public static final class CommonsJoinVsPlus extends ConcatenationComparison {
        @Override
        Variant variant() {
            return Variant.COMMONS_JOIN;
        }
    }
}
