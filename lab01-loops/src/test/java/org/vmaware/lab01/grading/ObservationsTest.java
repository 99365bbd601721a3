package org.vmaware.lab01.grading;

import java.util.Locale;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.GradeBook;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.KeyedRandom;
import org.vmaware.grader.Observation;
import org.vmaware.grader.timing.Allocation;
import org.vmaware.grader.timing.Comparison;
import org.vmaware.grader.timing.ForkedSpeedUp;
import org.vmaware.grader.timing.Verdict;

/**
 * Measurements shown beside the score and worth no points: what the JIT does with your own rewrites where no
 * threshold would be fair, and the footprint behind task 2. regOpt's gain depends on the tier and the JDK (about 1x
 * in the interpreter on JDK 17, 1.25x on JDK 25, 1-2x with C1), and under C2 all four loops run alike, in either
 * direction. The interpreter and C1 are timed in child JVMs; C2 in this one, which runs it already.
 */
@DisplayName("Observations (not graded)")
class ObservationsTest {

    private static final int FOOTPRINT_VALUES = 1 << 20;

    @Observation
    @DisplayName("regOpt in the interpreter")
    void regOptInInterpreter() {
        observe(SeedLoop.REG_OPT, Tier.INTERPRETER);
    }

    @Observation
    @DisplayName("regOpt with C1 only")
    void regOptInC1() {
        observe(SeedLoop.REG_OPT, Tier.C1);
    }

    @Observation
    @DisplayName("regOpt with C2")
    void regOptInC2() {
        observe(SeedLoop.REG_OPT, Tier.C2);
    }

    @Observation
    @DisplayName("unrollOpt with C2")
    void unrollOptInC2() {
        observe(SeedLoop.UNROLL_OPT, Tier.C2);
    }

    @Observation
    @DisplayName("macroEquivOpt with C2")
    void macroEquivOptInC2() {
        observe(SeedLoop.MACRO_EQUIV_OPT, Tier.C2);
    }

    @Observation
    @DisplayName("the bytes of a List<Integer> and an int[]")
    void boxedFootprint() {
        int[] values = KeyedRandom.of(7, "footprint values").ints(FOOTPRINT_VALUES).toArray();
        // the same values every call: a footprint, not a check, and nothing is cached on the way
        long list = Allocation.bytesPerCall(i -> values, BoxingComparison::boxed);
        long array = Allocation.bytesPerCall(i -> values, int[]::clone);
        GradeBook.get().observe(String.format(Locale.ROOT, "%,d random ints: a presized ArrayList<Integer> of them"
                + " allocates %,d bytes, an int[] %,d (%.1fx): the list holds references to 16-byte Integer objects,"
                + " the array the values", FOOTPRINT_VALUES, list, array, (double) list / array));
    }

    /** Times your rewrite against noOpt on one tier and reports the speed-up with its interval, whatever it is. */
    private static void observe(SeedLoop loop, Tier tier) {
        GradingSettings settings = GradingSettings.current();
        Assumptions.assumeFalse(settings.correctnessOnly(), "timing is off (-Dgrade.mode=correctness)");
        Assumptions.assumeTrue(settings.runsTask(1), "task 1 is not selected (-Dgrade.task)");
        String name = loop.title() + " vs noOpt, " + tier.title();
        try {
            // this JVM runs C2 already: a child JVM of its own would cost a start and a warm-up for the same tier
            Verdict verdict = tier == Tier.C2
                    ? inThisJvm(loop).speedUp(name).atLeast(Rubric.OBSERVED_TARGET).measure()
                    : ForkedSpeedUp.of(name, loop.comparison()).flags(tier.flags()).atLeast(Rubric.OBSERVED_TARGET)
                            .measure();
            GradeBook.get().observe(String.format(Locale.ROOT, "%s: your code %.2fx faster (interval %.2fx to %.2fx,"
                    + " %d rounds)", name, verdict.median(), verdict.low(), verdict.high(), verdict.rounds()));
        } catch (AssertionFailedError e) {
            GradeBook.get().observe(name + ": not measured (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static Comparison<?, ?> inThisJvm(SeedLoop loop) {
        return switch (loop) {
            case REG_OPT -> new SeedLoopComparison.RegOpt();
            case UNROLL_OPT -> new SeedLoopComparison.UnrollOpt();
            case MACRO_EQUIV_OPT -> new SeedLoopComparison.MacroEquivOpt();
        };
    }
}
