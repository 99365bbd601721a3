package org.vmaware.grader.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.Outcome;

/** The engine in a child JVM under the interpreter: verdicts and their machine line come back whole. */
class ForkedSpeedUpTest {

    @Test
    void twiceTheWorkPassesUnderTheInterpreter() {
        Verdict verdict = ForkedSpeedUp.of("2x under -Xint", SpinComparisons.TwiceTheWork.class).flags("-Xint")
                .atLeast(1.5).measure();
        assertEquals(Outcome.PASS, verdict.outcome(), verdict::message);
        assertTrue(verdict.median() > 1.7 && verdict.median() < 2.3, verdict::message);
        assertTrue(verdict.message().contains("interpreter only (-Xint)"), "the child's machine line: " + verdict.message());
        assertEquals(verdict.ratios().length, verdict.rounds());
    }

    @Test
    void sameWorkFailsUnderTheInterpreter() {
        Verdict verdict = ForkedSpeedUp.of("1x under -Xint", SpinComparisons.SameWork.class).flags("-Xint")
                .atLeast(1.5).measure();
        assertEquals(Outcome.FAIL, verdict.outcome(), verdict::message);
    }

    @Test
    void differingResultsFailTheCheck() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> ForkedSpeedUp.of("wrong", SpinComparisons.WrongAnswer.class).atLeast(1.5).measure());
        assertTrue(error.getMessage().contains("differs"), error::getMessage);
    }

    @Test
    void aClassThatIsNoComparisonSaysSo() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<? extends Comparison<?, ?>> notAComparison = (Class) String.class;
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> ForkedSpeedUp.of("bad class", notAComparison).atLeast(1.5).measure());
        assertTrue(error.getMessage().contains("is not a public Comparison"), error::getMessage);
    }
}
