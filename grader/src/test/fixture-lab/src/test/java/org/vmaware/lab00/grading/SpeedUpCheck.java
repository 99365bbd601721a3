package org.vmaware.lab00.grading;

import org.vmaware.grader.timing.SpeedUp;
import org.vmaware.lab00.Joiner;

/** The timing check, with the naive side from the tests' own copy. */
final class SpeedUpCheck {

    private SpeedUpCheck() {
    }

    static void require() {
        SpeedUp.of("join vs +=, 2000 pieces", random -> JoinerTest.pieces(random, 2000), JoinerTest::plusLoop,
                Joiner::join).atLeast(5).measure().require();
    }
}
