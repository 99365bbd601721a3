package org.vmaware.lab02.grading;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.GradeBook;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Observation;
import org.vmaware.grader.fork.ForkedJvm;
import org.vmaware.grader.timing.Verdict;
import org.vmaware.lab02.Generator;

/** Measurements shown beside the score and worth no points. */
@DisplayName("Observations (not graded)")
class ObservationsTest {

    @Observation(profile = HandOffComparison.class)
    @DisplayName("what a thread hand-off costs per value")
    void generatorCostPerValue() {
        Assumptions.assumeFalse(GradingSettings.current().correctnessOnly(), "timing is off (-Dgrade.mode=correctness)");
        try {
            Verdict verdict = new HandOffComparison().speedUp("a hand-written Iterator vs your Generator, "
                    + HandOffComparison.VALUES + " values").atLeast(30).measure();
            GradeBook.get().observe(String.format(Locale.ROOT, "%,d values through your Generator (%s): %.2f µs each;"
                    + " through a hand-written Iterator: %.4f µs each (%.0fx; a generator that hands each value from"
                    + " one thread to another pays two thread wake-ups per value)", HandOffComparison.VALUES,
                    Generator.usesVirtualThreads() ? "virtual threads" : "platform threads",
                    verdict.baselineNanosPerCall() / 1000.0 / HandOffComparison.VALUES,
                    verdict.candidateNanosPerCall() / 1000.0 / HandOffComparison.VALUES, verdict.median()));
        } catch (AssertionFailedError e) {
            GradeBook.get().observe("Generator cost per value: not measured (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
    }

    @Observation
    @DisplayName("where the eager pipeline runs out of memory")
    void eagerPipelineRunsOut() {
        Assumptions.assumeFalse(GradingSettings.current().correctnessOnly(), "forks are off (-Dgrade.mode=correctness)");
        AtomicLong held = new AtomicLong();
        ForkedJvm.Result result = ForkedJvm.main(PipelineMain.class.getName())
                .flags(Rubric.PIPELINE_HEAP, "-XX:+UseSerialGC")
                .args("eager", Long.toString(Rubric.PIPELINE_RECORDS), "7", Long.toString(Task4PipelineTest.runKey()))
                .channel(frame -> {
                    if (frame.type().equals(PipelineMain.PROGRESS)) {
                        held.set(Long.parseLong(frame.payload()));
                    }
                })
                .timeout(Duration.ofSeconds(Rubric.PIPELINE_SECONDS)).outputLimit(256 * 1024).run();
        boolean outOfMemory = result.output().contains("OutOfMemoryError");
        GradeBook.get().observe(String.format(Locale.ROOT, "the eager pipeline under %s: %s after holding about %,d"
                + " lines of text", Rubric.PIPELINE_HEAP, outOfMemory ? "OutOfMemoryError" : "no error (status "
                + result.exitCode() + ")", held.get()));
    }
}
