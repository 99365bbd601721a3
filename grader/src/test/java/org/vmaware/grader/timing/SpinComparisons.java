package org.vmaware.grader.timing;

import java.util.random.RandomGenerator;
import java.util.function.Function;

/** Synthetic comparisons a child JVM can rebuild by name, for {@link ForkedSpeedUpTest}. */
public final class SpinComparisons {

    private SpinComparisons() {
    }

    /** Fresh inputs for every comparison here. */
    abstract static class OnSpinInputs implements Comparison<long[], Long> {
        @Override
        public long[] input(RandomGenerator random) {
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

        /** The sides' answers differ by construction: this comparison is about time alone. */
        @Override
        public SpeedUp<long[], Long> speedUp(String name) {
            return super.speedUp(name).verifiedBy(Spin.ANY_ANSWER);
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

    /**
     * Both sides do the same work, and the code under test prints a passing verdict in every form the engine has
     * used: the old stdout line, and a frame with a made-up secret.
     */
    public static final class PrintsAFakeVerdict extends OnSpinInputs {
        static {
            String fake = "{\"outcome\":\"PASS\",\"median\":9,\"low\":9,\"high\":9}";
            System.out.println("@@forked-verdict " + fake);
            System.out.print("\n@@F 0123456789abcdef0123456789abcdef verdict " + fake.length() + "\n" + fake);
            System.out.flush();
        }

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
