package org.vmaware.lab02.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.CheckContext;
import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.fork.ForkedJvm;
import org.vmaware.lab02.Pipeline;

/** Task 4: a pipeline over 50 million generated text records that fits in a 64 MB heap. */
@DisplayName("Task 4: a pipeline in 64 MB")
class Task4PipelineTest {

    /** The sensor whose readings the graded run sums. */
    private static final int SENSOR = 7;

    @Graded(task = 4, points = Rubric.SEMANTICS_POINTS, starter = Expect.PASS)
    @DisplayName("4a lazyTotal returns the exact total")
    void exactTotal() {
        for (long records : new long[] {0, 1, 16, 17, 1000, 100_003}) {
            for (int sensor : new int[] {0, 3, 15}) {
                assertEquals(Baselines.pipelineTotal(records, sensor), Pipeline.lazyTotal(records, sensor),
                        "lazyTotal(" + records + ", " + sensor + ")");
            }
        }
    }

    @Graded(task = 4, points = Rubric.PIPELINE_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL)
    @DisplayName("4b 50 million records in a 64 MB heap")
    void fitsInSmallHeap() {
        long expected = Baselines.pipelineTotal(Rubric.PIPELINE_RECORDS, SENSOR);
        ForkedJvm.Result result = ForkedJvm.main(PipelineMain.class.getName())
                .flags(Rubric.PIPELINE_HEAP, "-XX:+UseSerialGC")
                .args("lazy", Long.toString(Rubric.PIPELINE_RECORDS), Integer.toString(SENSOR))
                .timeout(Duration.ofSeconds(Rubric.PIPELINE_SECONDS)).outputLimit(64 * 1024).run();
        String output = result.output();
        if (output.contains("OutOfMemoryError")) {
            throw new AssertionFailedError("lazyTotal(" + Rubric.PIPELINE_RECORDS + ", " + SENSOR + ") ran out of"
                    + " memory under " + Rubric.PIPELINE_HEAP + ": it keeps records (a list of lines or readings)."
                    + " Generate, parse, filter and add one record at a time.\n" + tail(output));
        }
        if (result.timedOut()) {
            throw new AssertionFailedError("lazyTotal(" + Rubric.PIPELINE_RECORDS + ", " + SENSOR + ") did not finish"
                    + " within " + Rubric.PIPELINE_SECONDS + " s under " + Rubric.PIPELINE_HEAP + ".\n" + tail(output));
        }
        String answer = PipelineMain.answer(output);
        if (result.exitCode() != 0 || answer == null) {
            throw new AssertionFailedError("the pipeline's JVM exited with status " + result.exitCode()
                    + " and no answer.\n" + tail(output));
        }
        assertEquals(Long.toString(expected), answer, "lazyTotal(" + Rubric.PIPELINE_RECORDS + ", " + SENSOR + ")");
        CheckContext.current().note(String.format(Locale.ROOT, "50,000,000 records under %s in %.1f s (wall time of"
                + " the JVM, start-up included)", Rubric.PIPELINE_HEAP, result.millis() / 1000.0));
    }

    static String tail(String output) {
        return output.length() <= 1500 ? output : "..." + output.substring(output.length() - 1500);
    }
}
