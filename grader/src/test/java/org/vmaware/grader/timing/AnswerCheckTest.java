package org.vmaware.grader.timing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.Outcome;

/**
 * Every answer checked: candidates that are fast because they are sometimes wrong, wrong in the ways a determined
 * student would try, must fail however their wrong answers are spread. Each is as fast as the baseline or faster,
 * and right on most calls.
 */
class AnswerCheckTest {

    /** The honest answer: about 3 µs of work, so a 2.5 ms batch has some 800 calls and only 144 are kept. */
    private static final Function<long[], Long> SHORT = Spin.side(Spin.UNIT / 10);
    /** About 30 µs: batches of about 160 calls, most of them kept. */
    private static final Function<long[], Long> LONG = Spin.side(Spin.UNIT);
    /** SHORT's answer after about twice its work (the extra work's result is used, so it is not removed). */
    private static final Function<long[], Long> TWICE_SHORT =
            in -> SHORT.apply(in) + (Spin.work(in[0] + 1, Spin.UNIT / 10) == 42 ? 1 : 0);

    /** Wrong on a random 1% of calls, from a generator of its own. */
    private static Function<long[], Long> wrongOnePercent(Function<long[], Long> honest) {
        SplittableRandom own = new SplittableRandom(1);
        return in -> own.nextInt(100) == 0 ? honest.apply(in) + 1 : honest.apply(in);
    }

    /** Wrong on every 50th call. */
    private static Function<long[], Long> wrongEvery50th(Function<long[], Long> honest) {
        long[] calls = {0};
        return in -> ++calls[0] % 50 == 0 ? honest.apply(in) + 1 : honest.apply(in);
    }

    /**
     * Right on the first {@code n} calls after a pause (a batch's start: the calls of a batch come back to back),
     * wrong after them: the attack on the engine that compared only the first 64 results of a batch.
     */
    private static Function<long[], Long> wrongAfterFirst(int n, Function<long[], Long> honest) {
        long[] state = {0, 0}; // calls since the last pause, the time the last call ended
        return in -> {
            long now = System.nanoTime();
            if (now - state[1] > 500_000) {
                state[0] = 0;
            }
            Long answer = ++state[0] > n ? honest.apply(in) + 1 : honest.apply(in);
            state[1] = System.nanoTime();
            return answer;
        };
    }

    /** Wrong only on the first three calls after a pause, right on every other. */
    private static Function<long[], Long> wrongOnlyAfterAPause(Function<long[], Long> honest) {
        long[] state = {0, 0};
        return in -> {
            long now = System.nanoTime();
            if (now - state[1] > 500_000) {
                state[0] = 0;
            }
            Long answer = ++state[0] <= 3 ? honest.apply(in) + 1 : honest.apply(in);
            state[1] = System.nanoTime();
            return answer;
        };
    }

    private static void requireWrongAnswer(String name, Function<long[], Long> baseline, Function<long[], Long> candidate) {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> SpeedUp.of(name, Spin::input,
                baseline, candidate).atLeast(1.5).seed(3).measure(), name + " must fail");
        // the input by its elements ([-123]), not its identity ([J@1c93f6e1)
        assertTrue(error.getMessage().matches("(?s)" + name + ": wrong answer on input \\[-?[0-9]+\\]: expected"
                + " -?[0-9]+, got -?[0-9]+\\..*"), error::getMessage);
    }

    @ParameterizedTest(name = "batches of {0} calls")
    @ValueSource(strings = {"short", "long"})
    void wrongOnARandomOnePercentFails(String size) {
        Function<long[], Long> honest = size.equals("short") ? SHORT : LONG;
        requireWrongAnswer("random 1% " + size, honest, wrongOnePercent(honest));
    }

    @ParameterizedTest(name = "batches of {0} calls")
    @ValueSource(strings = {"short", "long"})
    void wrongOnEvery50thCallFails(String size) {
        Function<long[], Long> honest = size.equals("short") ? SHORT : LONG;
        requireWrongAnswer("every 50th " + size, honest, wrongEvery50th(honest));
    }

    @Test
    void wrongAfterTheFirst64CallsOfABatchFails() {
        requireWrongAnswer("after 64", SHORT, wrongAfterFirst(64, SHORT));
    }

    @Test
    void wrongOnlyAfterAPauseFails() {
        requireWrongAnswer("after a pause", LONG, wrongOnlyAfterAPause(LONG));
    }

    @Test
    void aWrongAnswerFailsAgainstAnOracleAndAVerifierToo() {
        AssertionFailedError byOracle = assertThrows(AssertionFailedError.class, () -> SpeedUp.of("oracle",
                Spin::input, TWICE_SHORT, wrongEvery50th(SHORT)).oracle(SHORT).atLeast(1.5).seed(4).measure());
        assertTrue(byOracle.getMessage().contains("oracle: wrong answer on input"), byOracle::getMessage);
        AssertionFailedError byVerifier = assertThrows(AssertionFailedError.class, () -> SpeedUp.of("verifier",
                Spin::input, SHORT, wrongEvery50th(SHORT)).verifiedBy((in, out) -> out.equals(SHORT.apply(in)))
                .atLeast(1.5).seed(5).measure());
        assertTrue(byVerifier.getMessage().contains("verifier: wrong answer on input"), byVerifier::getMessage);
    }

    @Test
    void aVerifierThatRejectsTheBaselineIsTheChecksFault() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> SpeedUp.of("bad verifier",
                Spin::input, SHORT, SHORT).verifiedBy((in, out) -> false).atLeast(1.5).seed(6).measure());
        assertTrue(error.getMessage().contains("The check is wrong, not the submission"), error::getMessage);
    }

    /** An honest candidate: its answers are counted, every kept one checked. */
    @Test
    void anHonestCandidateHasItsAnswersCounted() {
        Verdict verdict = SpeedUp.of("honest 2x", Spin::input, TWICE_SHORT, SHORT).atLeast(1.2).seed(7).measure();
        assertTrue(verdict.outcome() != Outcome.INCONCLUSIVE, verdict::message);
        assertTrue(verdict.checkedAnswers() >= (long) Spec.CHECKED_PER_ROUND * (Spec.FIRST_LOOK + 4), verdict::message);
        assertTrue(verdict.message().contains("checked against a trusted answer"), verdict::message);
    }
}
