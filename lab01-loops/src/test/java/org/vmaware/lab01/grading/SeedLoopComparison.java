package org.vmaware.lab01.grading;

import java.util.random.RandomGenerator;

import org.vmaware.grader.KeyedRandom;
import org.vmaware.grader.timing.Comparison;
import org.vmaware.grader.timing.SpeedUp;
import org.vmaware.lab01.SeedLoops;

/**
 * One of the lecture's rewrites against {@code noOpt} on {@link Rubric#SEED_LOOP_SIZE} elements, rebuildable by name
 * in a child JVM that runs another tier ({@code -Xint}, C1 only).
 *
 * <p>The loops write their array, so each side works on its own scratch array, refilled from the call's input just
 * before the call: the same copy on both sides, 4 KB, far below the cost of either loop. Every input is a fresh
 * random array: with a pool of arrays, each changed in one element, code that remembered the arrays it saw and
 * corrected a remembered sum for the one difference ran the naive loop only 32 times (red team 9).</p>
 *
 * <p>The answer is the sum and one element of the array as the loop left it, at a position drawn with the input
 * (the side effect is part of the lesson). The engine checks the answers it keeps against {@link #oracle}, which
 * needs O(1) per call: each element adds {@code x, x+1, x+3, x+6, x+10} (int arithmetic) to the sum, so the sum is
 * known as the array is drawn.</p>
 */
public abstract class SeedLoopComparison implements Comparison<SeedLoopComparison.Start, SeedLoopComparison.Answer> {

    /** What noOpt adds to an element, step by step: 0, then 1, 2, 3, 4. */
    private static final int[] STEPS = {0, 1, 3, 6, 10};

    private final int[] baselineScratch = new int[Rubric.SEED_LOOP_SIZE];
    private final int[] candidateScratch = new int[Rubric.SEED_LOOP_SIZE];

    /**
     * An array's starting contents, what noOpt's sum over it is, and the element {@code check} whose value after
     * the loop is part of the answer.
     */
    public record Start(int[] values, long sum, int check) {

        void copyInto(int[] scratch) {
            System.arraycopy(values, 0, scratch, 0, scratch.length);
        }
    }

    /**
     * What a loop returned, and what it left in one element of its array.
     *
     * @param sum     the loop's result
     * @param written the element {@link Start#check()} afterwards
     */
    public record Answer(long sum, int written) {
    }

    /** What noOpt adds to its sum for an element that starts at {@code x}. */
    private static long contribution(int x) {
        long sum = 0;
        for (int step : STEPS) {
            sum += x + step; // int addition, wrapping as the loop's does
        }
        return sum;
    }

    /** The trusted answer, O(1): the sum drawn with the array, and the checked element plus 10. */
    Answer oracle(Start start) {
        return new Answer(start.sum(), start.values()[start.check()] + 10);
    }

    @Override
    public SpeedUp<Start, Answer> speedUp(String name) {
        return Comparison.super.speedUp(name).oracle(this::oracle);
    }

    @Override
    public Start input(RandomGenerator random) {
        RandomGenerator elements = KeyedRandom.forOneInput(random);
        int[] values = new int[Rubric.SEED_LOOP_SIZE];
        long sum = 0;
        for (int j = 0; j < values.length; j++) {
            values[j] = elements.nextInt();
            sum += contribution(values[j]);
        }
        return new Start(values, sum, random.nextInt(Rubric.SEED_LOOP_SIZE));
    }

    @Override
    public Answer baseline(Start start) {
        start.copyInto(baselineScratch);
        long sum = Baselines.noOpt(Rubric.SEED_LOOP_SIZE, baselineScratch);
        return new Answer(sum, baselineScratch[start.check()]);
    }

    @Override
    public Answer candidate(Start start) {
        start.copyInto(candidateScratch);
        long sum = rewrite(Rubric.SEED_LOOP_SIZE, candidateScratch);
        return new Answer(sum, candidateScratch[start.check()]);
    }

    /** The student's rewrite. */
    protected abstract long rewrite(int arraySize, int[] theArray);

    /** regOpt against noOpt. */
    public static final class RegOpt extends SeedLoopComparison {
        @Override
        protected long rewrite(int arraySize, int[] theArray) {
            return SeedLoops.regOpt(arraySize, theArray);
        }
    }

    /** unrollOpt against noOpt. */
    public static final class UnrollOpt extends SeedLoopComparison {
        @Override
        protected long rewrite(int arraySize, int[] theArray) {
            return SeedLoops.unrollOpt(arraySize, theArray);
        }
    }

    /** macroEquivOpt against noOpt. */
    public static final class MacroEquivOpt extends SeedLoopComparison {
        @Override
        protected long rewrite(int arraySize, int[] theArray) {
            return SeedLoops.macroEquivOpt(arraySize, theArray);
        }
    }
}
