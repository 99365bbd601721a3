package org.vmaware.lab02.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.CheckContext;
import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.fork.ForkedJvm;
import org.vmaware.lab02.Pipeline;
import org.vmaware.lab02.Records;

/**
 * Task 4: a pipeline over 50 million generated text records (and up to 1,048,576 more) that fits in a 64 MB heap.
 * Every input, the record count, the sensor and the key that scatters the records' sensors and readings
 * ({@link Records}), is drawn from the run's seed, and every answer is checked against the tests' own arithmetic
 * ({@link Baselines#pipelineTotal}); the 64 MB JVM sends its answer on the grader's channel, where nothing the code
 * under test prints can stand in for it.
 */
@DisplayName("Task 4: a pipeline in 64 MB")
class Task4PipelineTest {

    @Graded(task = 4, points = Rubric.SEMANTICS_POINTS, starter = Expect.PASS,
            calls = "Pipeline#lazyTotal")
    @DisplayName("4a lazyTotal returns the exact total")
    void exactTotal() {
        Records.key(runKey());
        for (long records : new long[] {0, 1, 16, 17, 1000, 100_003}) {
            for (int sensor : new int[] {0, 3, 15}) {
                requireTotal(records, sensor);
            }
        }
        RandomGenerator random = GradingSettings.current().random("pipeline totals");
        for (int i = 0; i < 20; i++) {
            requireTotal(random.nextLong(200_000), random.nextInt(Records.SENSORS));
        }
    }

    private static void requireTotal(long records, int sensor) {
        assertEquals(Baselines.pipelineTotal(records, sensor, runKey()), Pipeline.lazyTotal(records, sensor),
                "lazyTotal(" + records + ", " + sensor + ")");
    }

    @Graded(task = 4, points = Rubric.PIPELINE_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL,
            calls = "Pipeline#lazyTotal")
    @DisplayName("4b 50 million records in a 64 MB heap")
    void fitsInSmallHeap() {
        RandomGenerator random = GradingSettings.current().random("pipeline in 64 MB");
        long records = Rubric.PIPELINE_RECORDS + random.nextLong(Rubric.PIPELINE_EXTRA_RECORDS);
        int sensor = random.nextInt(Records.SENSORS);
        String call = String.format(Locale.ROOT, "lazyTotal(%d, %d)", records, sensor);
        // the tests' own total is summed here while the child JVM sums the student's: the two cores overlap
        CompletableFuture<Long> expectedTotal = CompletableFuture.supplyAsync(() -> Baselines.pipelineTotal(records,
                sensor, runKey()));
        List<String> totals = new CopyOnWriteArrayList<>();
        ForkedJvm.Result result = ForkedJvm.main(PipelineMain.class.getName())
                .flags(Rubric.PIPELINE_HEAP, "-XX:+UseSerialGC")
                .args("lazy", Long.toString(records), Integer.toString(sensor), Long.toString(runKey()))
                .channel(frame -> {
                    if (frame.type().equals(PipelineMain.TOTAL)) {
                        totals.add(frame.payload());
                    }
                })
                .timeout(Duration.ofSeconds(Rubric.PIPELINE_SECONDS)).outputLimit(64 * 1024).run();
        long expected = expectedTotal.join();
        String output = result.output();
        if (output.contains("OutOfMemoryError")) {
            throw new AssertionFailedError(call + " ran out of memory under " + Rubric.PIPELINE_HEAP + ": it keeps"
                    + " records (a list of lines or readings). Generate, parse, filter and add one record at a time.\n"
                    + tail(output));
        }
        if (result.timedOut()) {
            throw new AssertionFailedError(call + " did not finish within " + Rubric.PIPELINE_SECONDS + " s under "
                    + Rubric.PIPELINE_HEAP + ".\n" + tail(output));
        }
        if (result.exitCode() != 0 || totals.size() != 1) {
            throw new AssertionFailedError("the pipeline's JVM exited with status " + result.exitCode() + " and "
                    + (totals.isEmpty() ? "no answer" : totals.size() + " answers") + ".\n" + tail(output));
        }
        assertEquals(Long.toString(expected), totals.get(0), call);
        CheckContext.current().note(String.format(Locale.ROOT, "%,d records (sensor %d) under %s in %.1f s (wall time"
                + " of the JVM, start-up included)", records, sensor, Rubric.PIPELINE_HEAP, result.millis() / 1000.0));
    }

    /**
     * The key that scatters this run's records: drawn from the run's seed, so a formula in a student file cannot
     * know the readings, and the same for every check of the run.
     */
    static long runKey() {
        return GradingSettings.current().random("records key").nextLong();
    }

    static String tail(String output) {
        return output.length() <= 1500 ? output : "..." + output.substring(output.length() - 1500);
    }
}
