package org.vmaware.lab01.grading;

import java.util.random.RandomGenerator;

import org.vmaware.grader.timing.Comparison;
import org.vmaware.grader.timing.SpeedUp;
import org.vmaware.lab01.Branches;

/**
 * 3b: the student's {@code sumAtLeast128BranchFree} against the tests' branch, on random ranges of
 * {@link Rubric#BRANCH_SIZE} fresh random bytes ({@link Fresh}: a new array for every call, one copy for each side).
 * A public class, so a JVM of its own can rebuild it by name and profile a failed check (docs/profiles.md).
 */
public final class BranchComparison implements Comparison<Fresh<int[]>, Integer> {

    @Override
    public Fresh<int[]> input(RandomGenerator random) {
        return Fresh.ints(random, Rubric.BRANCH_SIZE, 256, value -> value >= 128 ? value : 0);
    }

    @Override
    public Integer baseline(Fresh<int[]> in) {
        return Baselines.sumAtLeast128WithBranch(in.naive(), in.from(), in.to());
    }

    @Override
    public Integer candidate(Fresh<int[]> in) {
        return Branches.sumAtLeast128BranchFree(in.yours(), in.from(), in.to());
    }

    /** Answers checked against the sum drawn with the bytes; short batches, as fresh data's memory grows with speed. */
    @Override
    public SpeedUp<Fresh<int[]>, Integer> speedUp(String name) {
        return Comparison.super.speedUp(name).oracle(in -> (int) in.expected()).batchMicros(Rubric.FRESH_BATCH_MICROS);
    }
}
