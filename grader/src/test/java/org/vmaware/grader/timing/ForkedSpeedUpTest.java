package org.vmaware.grader.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.Machine;
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

    /** The child measures under the whole spec its parent built: bands, clock, budget and seed come back as set. */
    @Test
    void theChildMeasuresTheSpecItWasGiven() {
        ForkedSpeedUp check = ForkedSpeedUp.of("2x, own bands, wall clock", SpinComparisons.TwiceTheWork.class)
                .atLeast(5).partialCredit(new Band(1.5, 0.4)).clock(Clock.WALL).errorBudget(0.01).maxRounds(30)
                .seed(77).hint("own hint");
        Verdict verdict = check.measure();
        assertEquals(check.spec(), verdict.spec());
        assertEquals(List.of(new Band(5, 1.0), new Band(1.5, 0.4)), verdict.spec().bands());
        assertEquals(Clock.WALL, verdict.spec().clock());
        assertTrue(verdict.message().contains("wall time"), verdict::message);
        assertTrue(verdict.rounds() <= 30, verdict::message);
        // 2x against a target of 5: the own band (1.5x, 0.4) is what partial credit can be; wall time on a busy
        // machine may leave it unproven (INCONCLUSIVE), never another band's fraction
        assertTrue(verdict.outcome() == Outcome.PARTIAL || verdict.outcome() == Outcome.INCONCLUSIVE, verdict::message);
        assertTrue(verdict.fraction() == 0.4 || verdict.outcome() == Outcome.INCONCLUSIVE && verdict.fraction() == 0,
                verdict::message);
    }

    @Test
    void theChildRunsWithTheTimedJvmsHeapAndGc() {
        // grade.jvmFlags, which the build gives this JVM too: the same heap and GC in the child, written once
        Verdict verdict = ForkedSpeedUp.of("2x, the child's machine", SpinComparisons.TwiceTheWork.class).atLeast(1.5)
                .measure();
        String machine = Machine.current().describe(); // "2 CPUs, JVM, JIT, GC, heap N MB"
        String gcAndHeap = machine.substring(machine.lastIndexOf(", ", machine.lastIndexOf(", ") - 1) + 2);
        assertTrue(verdict.message().contains(gcAndHeap), () -> "the child's line in " + verdict.message()
                + " against this JVM's " + machine);
    }

    @Test
    void aVerdictPrintedByTheCodeUnderTestIsIgnored() {
        Verdict verdict = ForkedSpeedUp.of("1x, prints a fake verdict", SpinComparisons.PrintsAFakeVerdict.class)
                .atLeast(1.5).measure();
        assertEquals(Outcome.FAIL, verdict.outcome(), verdict::message);
        assertTrue(verdict.median() < 1.5, verdict::message);
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
        assertTrue(error.getMessage().contains("wrong answer on input"), error::getMessage);
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
