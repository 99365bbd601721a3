package org.vmaware.grader.timing;

import java.util.SplittableRandom;
import java.util.function.Function;

/** Synthetic comparisons a child JVM can rebuild by name, for {@link ForkedSpeedUpTest}. */
public final class SpinComparisons {

    private SpinComparisons() {
    }

    /** Fresh inputs for every comparison here. */
    abstract static class OnSpinInputs implements Comparison<long[], Long> {
        @Override
        public long[] input(SplittableRandom random) {
            return Spin.input(random);
        }
    }

    /** The baseline does twice the candidate's work, in the same compiled code. */
    public static final class TwiceTheWork extends OnSpinInputs {
        private final Function<long[], Long> baseline = Spin.side(2L * Spin.UNIT / 30);
        private final Function<long[], Long> candidate = Spin.side(Spin.UNIT / 30);

        @Override
        public Long baseline(long[] input) {
            return baseline.apply(input);
        }

        @Override
        public Long candidate(long[] input) {
            return candidate.apply(input);
        }

        @Override
        public boolean sameResult(Long baseline, Long candidate) {
            return true;
        }
    }

    /** Both sides do the same work. */
    public static final class SameWork extends OnSpinInputs {
        private final Function<long[], Long> work = Spin.side(Spin.UNIT / 30);

        @Override
        public Long baseline(long[] input) {
            return work.apply(input);
        }

        @Override
        public Long candidate(long[] input) {
            return work.apply(input);
        }
    }

    /** The candidate's answer is wrong: no time can mean anything. */
    public static final class WrongAnswer extends OnSpinInputs {
        @Override
        public Long baseline(long[] input) {
            return input[0];
        }

        @Override
        public Long candidate(long[] input) {
            return input[0] + 1;
        }
    }
}
