package org.vmaware.grader.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A check's specification is one value: serialised whole, rebuilt whole, nothing defaulted on the way. */
class SpecTest {

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Spec spec = Spec.defaults("round trip \"quoted\" \u03c7", 99).withTarget(6)
                .withPartialCredit(List.of(new Band(3, 0.7), new Band(1.5, 0.2))).withClock(Clock.WALL)
                .withErrorBudget(0.02).withMaxRounds(45).withCheckedPerRound(17).withHint("a hint, with 'quotes'")
                .withSeed(-5);
        assertEquals(spec, Spec.fromJson(spec.toJson()));
        assertEquals(spec.toJson(), ForkedSpeedUp.decode(ForkedSpeedUp.encode(spec.toJson())));
    }

    @Test
    void shorterBatchesShortenTheLeastWarmUpAndTheBudgetAlikeButNotWarmUpsCap() {
        Spec spec = Spec.defaults("x", 1).withBatch(250_000);
        Spec defaults = Spec.defaults("x", 1);
        assertEquals(250_000, spec.batchNanos());
        assertEquals(defaults.warmupMinNanos() / 10, spec.warmupMinNanos());
        assertEquals(defaults.warmupMaxNanos(), spec.warmupMaxNanos());
        assertEquals(defaults.budgetNanos() / 10, spec.budgetNanos());
        assertEquals(spec, Spec.fromJson(spec.toJson()));
    }

    @Test
    void aMissingOrUnknownFieldIsRefusedNotDefaulted() {
        String json = Spec.defaults("x", 1).withTarget(2).toJson();
        assertThrows(UncheckedIOException.class, () -> Spec.fromJson(json.replace("\"clock\":\"THREAD_CPU\",", "")));
        assertThrows(UncheckedIOException.class, () -> Spec.fromJson(json.replace("{", "{\"extra\":1,")));
    }

    @Test
    void settingTheSeedOrTheTargetLeavesTheRestAlone() {
        // the old child rebuilt its check with atLeast(...).seed(...): atLeast reset the bands, seed overrode any
        SpeedUp<long[], Long> built = SpeedUp.of("order", Spin::input, Spin.side(1), Spin.side(1)).atLeast(4)
                .partialCredit(new Band(2, 0.6)).clock(Clock.WALL).seed(12);
        Spec spec = built.spec();
        assertEquals(List.of(new Band(4, 1.0), new Band(2, 0.6)), spec.bands());
        assertEquals(Clock.WALL, spec.clock());
        assertEquals(12, spec.seed());
        assertEquals(spec, ForkedSpeedUp.of("order", SpinComparisons.SameWork.class).atLeast(4)
                .partialCredit(new Band(2, 0.6)).clock(Clock.WALL).seed(12).spec());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec.withMaxRounds(10)).getMessage()
                .contains("at least 20 rounds"));
    }
}
