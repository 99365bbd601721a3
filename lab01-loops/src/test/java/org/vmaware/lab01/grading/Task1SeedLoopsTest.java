package org.vmaware.lab01.grading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.Bursts;
import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Hints;
import org.vmaware.grader.timing.ForkedSpeedUp;
import org.vmaware.lab01.SeedLoops;

/**
 * Task 1: the lecture's four loops. Each rewrite returns what {@code noOpt} returns and leaves the array as
 * {@code noOpt} leaves it (1a-1c); then, in child JVMs, the rewrites that pay off on a tier are timed against the
 * tests' own {@code noOpt} there (1d-1f). The tiers where they do not pay off are observations, not checks.
 */
@DisplayName("Task 1: the lecture's loops")
class Task1SeedLoopsTest {

    /** Array lengths that catch off-by-one and unrolling mistakes: empty, one, below and above a multiple of 5. */
    private static final int[] EDGE_SIZES = {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 1023, 1024};
    private static final int RANDOM_INPUTS = 40;

    @Graded(task = 1, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = "SeedLoops#regOpt")
    @DisplayName("1a regOpt returns noOpt's sum and leaves noOpt's array")
    void regOptIsCorrect() {
        requireSameAsNoOpt(SeedLoop.REG_OPT);
    }

    @Graded(task = 1, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = "SeedLoops#unrollOpt")
    @DisplayName("1b unrollOpt returns noOpt's sum and leaves noOpt's array")
    void unrollOptIsCorrect() {
        requireSameAsNoOpt(SeedLoop.UNROLL_OPT);
    }

    @Graded(task = 1, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = "SeedLoops#macroEquivOpt")
    @DisplayName("1c macroEquivOpt returns noOpt's sum and leaves noOpt's array")
    void macroEquivOptIsCorrect() {
        requireSameAsNoOpt(SeedLoop.MACRO_EQUIV_OPT);
    }

    @Graded(task = 1, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "SeedLoops#macroEquivOpt")
    @DisplayName("1d macroEquivOpt beats noOpt in the interpreter")
    void macroInInterpreter() {
        requireFaster(SeedLoop.MACRO_EQUIV_OPT, Tier.INTERPRETER, Rubric.INTERPRETER_MACRO_TARGET,
                Hints.forCheck("1d"));
    }

    @Graded(task = 1, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "SeedLoops#unrollOpt")
    @DisplayName("1e unrollOpt beats noOpt with C1 only")
    void unrollInC1() {
        requireFaster(SeedLoop.UNROLL_OPT, Tier.C1, Rubric.C1_TARGET, Hints.forCheck("1e"));
    }

    @Graded(task = 1, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "SeedLoops#macroEquivOpt")
    @DisplayName("1f macroEquivOpt beats noOpt with C1 only")
    void macroInC1() {
        requireFaster(SeedLoop.MACRO_EQUIV_OPT, Tier.C1, Rubric.C1_TARGET, Hints.forCheck("1f"));
    }

    private static void requireFaster(SeedLoop loop, Tier tier, double target, String hint) {
        ForkedSpeedUp.of(loop.title() + " vs noOpt, " + Rubric.SEED_LOOP_SIZE + " elements, " + tier.title(),
                loop.comparison()).flags(tier.flags()).atLeast(target).hint(hint).measure().require();
    }

    private static void requireSameAsNoOpt(SeedLoop loop) {
        RandomGenerator random = GradingSettings.current().random(loop.name());
        for (int size : EDGE_SIZES) {
            requireSame(loop, randomArray(random, size), size);
            requireSame(loop, new int[size], size);
        }
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            int length = random.nextInt(2000);
            // arraySize below the length: the elements past it must be left alone
            requireSame(loop, randomArray(random, length), random.nextInt(length + 1));
        }
        Bursts.run(i -> requireSame(loop, randomArray(random, 64), random.nextInt(65)));
        int[] twice = randomArray(random, 37);
        int[] expected = twice.clone();
        Baselines.noOpt(twice.length, expected);
        long secondSum = Baselines.noOpt(twice.length, expected);
        loop.run(twice.length, twice);
        assertEquals(secondSum, loop.run(twice.length, twice), () -> loop.title() + " called twice on one array: the"
                + " second call must start from what the first one wrote");
    }

    private static void requireSame(SeedLoop loop, int[] start, int arraySize) {
        int[] expectedArray = start.clone();
        long expectedSum = Baselines.noOpt(arraySize, expectedArray);
        int[] actualArray = start.clone();
        long actualSum = loop.run(arraySize, actualArray);
        assertEquals(expectedSum, actualSum, () -> loop.title() + "(" + arraySize + ", " + describe(start)
                + ") returned the wrong sum");
        assertArrayEquals(expectedArray, actualArray, () -> loop.title() + "(" + arraySize + ", " + describe(start)
                + ") left the array different from noOpt (each of the first arraySize elements must end 10 larger,"
                + " the rest unchanged)");
    }

    private static int[] randomArray(RandomGenerator random, int length) {
        int[] array = new int[length];
        for (int i = 0; i < length; i++) {
            // mostly small values, sometimes near the int limits, where the additions wrap
            array[i] = random.nextInt(8) == 0 ? Integer.MAX_VALUE - random.nextInt(10) : random.nextInt(-1000, 1000);
        }
        return array;
    }

    private static String describe(int[] array) {
        String text = Arrays.toString(array.length <= 8 ? array : Arrays.copyOf(array, 8));
        return array.length <= 8 ? text : text.substring(0, text.length() - 1) + ", ... (" + array.length + " elements)]";
    }
}
