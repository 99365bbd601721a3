package org.vmaware.lab01.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.Bursts;
import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Hints;
import org.vmaware.lab01.Branches;

/** Task 3: a branch over random bytes against the same sum in branch-free arithmetic. */
@DisplayName("Task 3: branch vs branch-free")
class Task3BranchesTest {

    @Graded(task = 3, points = Rubric.CORRECTNESS_POINTS, starter = Expect.PASS,
            calls = "Branches#sumAtLeast128BranchFree")
    @DisplayName("3a sumAtLeast128BranchFree returns the branch's sum")
    void branchFreeIsCorrect() {
        RandomGenerator random = GradingSettings.current().random("branch correctness");
        int[] edges = {0, 1, 126, 127, 128, 129, 254, 255};
        assertEquals(Baselines.sumAtLeast128WithBranch(edges, 0, edges.length),
                Branches.sumAtLeast128BranchFree(edges.clone(), 0, edges.length), "the values 0, 1, 126 ... 255: 127 is below"
                        + " 128, 128 is not");
        for (int size : new int[] {0, 1, 2, 3, 5, 100, 4097}) {
            int[] bytes = randomBytes(random, size);
            int[] yours = bytes.clone(); // the code under test never gets an array the naive code reads later
            for (int i = 0; i < 20; i++) {
                Range range = i == 0 ? new Range(0, size) : Range.any(random, size);
                assertEquals(Baselines.sumAtLeast128WithBranch(bytes, range.from(), range.to()),
                        Branches.sumAtLeast128BranchFree(yours, range.from(), range.to()),
                        () -> "sumAtLeast128BranchFree over " + range + " of " + size + " random bytes");
            }
        }
        int[] burstBytes = randomBytes(random, 512);
        int[] yourBurstBytes = burstBytes.clone();
        Bursts.run(i -> {
            Range range = Range.any(random, burstBytes.length);
            assertEquals(Baselines.sumAtLeast128WithBranch(burstBytes, range.from(), range.to()),
                    Branches.sumAtLeast128BranchFree(yourBurstBytes, range.from(), range.to()),
                    () -> "sumAtLeast128BranchFree over " + range + " of 512 random bytes, call " + i
                            + " of bursts with pauses");
        });
    }

    @Graded(task = 3, points = Rubric.SPEED_POINTS, kind = CheckKind.TIMING, starter = Expect.FAIL,
            calls = "Branches#sumAtLeast128BranchFree")
    @DisplayName("3b the branch-free sum beats the branch on random bytes")
    void branchFreeIsFaster() {
        new BranchComparison().speedUp("branch-free vs branch, random ranges of " + Rubric.BRANCH_SIZE
                + " fresh random bytes").atLeast(Rubric.BRANCH_TARGET).hint(Hints.forCheck("3b")).measure().require();
    }

    static int[] randomBytes(RandomGenerator random, int size) {
        int[] bytes = new int[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = random.nextInt(256);
        }
        return bytes;
    }
}
