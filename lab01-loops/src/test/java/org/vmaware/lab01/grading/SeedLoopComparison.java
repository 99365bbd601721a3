package org.vmaware.lab01.grading;

import java.util.SplittableRandom;

import org.vmaware.grader.timing.Comparison;
import org.vmaware.lab01.SeedLoops;

/**
 * One of the lecture's rewrites against {@code noOpt} on {@link Rubric#SEED_LOOP_SIZE} elements, rebuildable by name
 * in a child JVM that runs another tier ({@code -Xint}, C1 only).
 *
 * <p>The loops write their array, so each side works on its own scratch array, refilled from the call's input just
 * before the call: the same copy on both sides, 4 KB, far below the cost of either loop. An input is one of a pool
 * of random arrays with one more element changed at random, so no two calls ask quite the same question.</p>
 */
public abstract class SeedLoopComparison implements Comparison<SeedLoopComparison.Start, Long> {

    private static final int POOL = 32;

    private final int[] baselineScratch = new int[Rubric.SEED_LOOP_SIZE];
    private final int[] candidateScratch = new int[Rubric.SEED_LOOP_SIZE];
    private int[][] pool;

    /** An array's starting contents: a pooled array with {@code value} at {@code position}. */
    public record Start(int[] pooled, int position, int value) {

        void copyInto(int[] scratch) {
            System.arraycopy(pooled, 0, scratch, 0, scratch.length);
            scratch[position] = value;
        }
    }

    @Override
    public Start input(SplittableRandom random) {
        if (pool == null) {
            pool = new int[POOL][];
            for (int i = 0; i < POOL; i++) {
                pool[i] = new int[Rubric.SEED_LOOP_SIZE];
                for (int j = 0; j < Rubric.SEED_LOOP_SIZE; j++) {
                    pool[i][j] = random.nextInt();
                }
            }
        }
        return new Start(pool[random.nextInt(POOL)], random.nextInt(Rubric.SEED_LOOP_SIZE), random.nextInt());
    }

    @Override
    public Long baseline(Start start) {
        start.copyInto(baselineScratch);
        return Baselines.noOpt(Rubric.SEED_LOOP_SIZE, baselineScratch);
    }

    @Override
    public Long candidate(Start start) {
        start.copyInto(candidateScratch);
        return rewrite(Rubric.SEED_LOOP_SIZE, candidateScratch);
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
