package org.vmaware.lab04.grading;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.GradeBook;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Observation;
import org.vmaware.grader.fork.ForkedJvm;

/** Measurements shown beside the score and worth no points; they use only the tests' own code. */
@DisplayName("Observations (not graded)")
class ObservationsTest {

    @Observation
    @DisplayName("a warm empty countdown is deleted by the JIT")
    void emptyCountdownIsDeleted() {
        Assumptions.assumeFalse(GradingSettings.current().correctnessOnly(), "timing is off (-Dgrade.mode=correctness)");
        long sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += emptyCountdown(1000 + i);
        }
        long start = System.nanoTime();
        sink += emptyCountdown(50_000_000L);
        long nanos = System.nanoTime() - start;
        GradeBook.get().observe(String.format(Locale.ROOT, "the lecture's countdown of 50,000,000, warm: %.3f ms (the"
                + " JIT replaced the loop by its result; CPython runs every step)%s", nanos / 1e6, sink == 42 ? " " : ""));
    }

    @Observation
    @DisplayName("what starting a process, a thread, a task costs")
    void startUpCosts() throws Exception {
        Assumptions.assumeFalse(GradingSettings.current().correctnessOnly(), "timing is off (-Dgrade.mode=correctness)");
        ForkedJvm.Result child = ForkedJvm.main(Hello.class.getName()).timeout(Duration.ofSeconds(60)).run();
        long threadNanos = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            Thread thread = new Thread(() -> { });
            thread.start();
            thread.join();
            threadNanos = Math.min(threadNanos, System.nanoTime() - start);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long taskNanos = Long.MAX_VALUE;
        try {
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                pool.submit(() -> { }).get();
                taskNanos = Math.min(taskNanos, System.nanoTime() - start);
            }
        } finally {
            pool.shutdownNow();
        }
        GradeBook.get().observe(String.format(Locale.ROOT, "start-up: a child JVM (the lecture's multiprocessing) %d ms"
                + " to print a line and exit (status %d); a thread %.0f µs to start and join; a task on a running"
                + " ExecutorService %.0f µs", child.millis(), child.exitCode(), threadNanos / 1e3, taskNanos / 1e3));
    }

    @Observation
    @DisplayName("1,000 blocking tasks on virtual threads")
    void virtualThreadsForBlockingWork() throws Exception {
        Assumptions.assumeFalse(GradingSettings.current().correctnessOnly(), "timing is off (-Dgrade.mode=correctness)");
        ExecutorService virtual;
        try {
            virtual = (ExecutorService) MethodHandles.publicLookup().findStatic(Executors.class,
                    "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class)).invoke();
        } catch (NoSuchMethodException e) {
            GradeBook.get().observe("virtual threads: skipped on Java " + Runtime.version().feature()
                    + ", which has none (they came in Java 21)");
            return;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        long virtualMillis = sleepers(virtual);
        long platformMillis = sleepers(Executors.newFixedThreadPool(8));
        GradeBook.get().observe(String.format(Locale.ROOT, "1,000 tasks that each block 10 ms: %d ms on virtual threads"
                + " (one each, parked while blocked), %d ms on a pool of 8 platform threads", virtualMillis,
                platformMillis));
    }

    private static long sleepers(ExecutorService executor) throws Exception {
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                done.add(executor.submit(() -> {
                    Thread.sleep(10);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            executor.shutdown();
            executor.awaitTermination(60, TimeUnit.SECONDS);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long emptyCountdown(long n) {
        while (n > 0) {
            n--;
        }
        return n;
    }

    /** The child JVM's whole program. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello from a child JVM");
        }
    }
}
