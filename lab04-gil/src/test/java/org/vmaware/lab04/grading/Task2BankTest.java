package org.vmaware.lab04.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Hints;
import org.vmaware.grader.KeyedRandom;
import org.vmaware.lab04.Bank;
import org.vmaware.lab04.Scheduling;

/**
 * Task 2: transfers that cannot deadlock. The deadlock is forced, not left to chance: the scheduling point between a
 * transfer's two locks is armed, so A-to-B and B-to-A each take their first lock before either takes its second.
 * Whether each transfer really reached that point with one lock held is not taken on trust: the JVM reports the
 * monitors each thread holds there ({@link BankLockWitness}), so a transfer that skips the point fails. Deadlocks
 * are detected with {@code ThreadMXBean.findDeadlockedThreads()} within a bounded time; the threads are daemons, so a
 * deadlocked submission never hangs the build.
 */
@DisplayName("Task 2: deadlock")
class Task2BankTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @AfterEach
    void disarm() {
        Scheduling.arm(null);
    }

    @Graded(task = 2, points = Rubric.DEADLOCK_POINTS, starter = Expect.FAIL,
            calls = "Bank#transfer")
    @DisplayName("2a A-to-B beside B-to-A, forced to interleave, does not deadlock")
    void forcedOppositeTransfers() {
        // amounts drawn for this run, so the balances afterwards are an answer no file can know in advance
        RandomGenerator random = GradingSettings.current().random("opposite transfers");
        long there = random.nextLong(1, 500);
        long back = random.nextLong(1, 500);
        // the bank's size and the two accounts are drawn too: code that orders its locks only for the one shape a
        // check uses is not ordering them
        int accounts = 2 + random.nextInt(9);
        int a = random.nextInt(accounts);
        int b = (a + 1 + random.nextInt(accounts - 1)) % accounts;
        Bank bank = new Bank(accounts, 1000);
        BankLockWitness witness = new BankLockWitness(new Rendezvous(Rubric.RENDEZVOUS_MILLIS));
        Scheduling.arm(witness);
        List<Thread> threads = start(List.of(() -> bank.transfer(a, b, there), () -> bank.transfer(b, a, back)));
        String pair = String.format(Locale.ROOT, "transfer(%d, %d, %d) beside transfer(%d, %d, %d), %d accounts", a, b,
                there, b, a, back, accounts);
        String hint = Hints.forCheck("2a");
        awaitOrExplainDeadlock(threads, pair, hint);
        Scheduling.arm(null);
        if (witness.metHoldingDifferentLocks()) {
            throw new AssertionFailedError("the two transfers met at the scheduling point, each holding one of the"
                    + " accounts' locks (" + pair + "): the two take different first locks, and each"
                    + " would then wait for the lock the other holds.\n  hint: " + hint);
        }
        for (Thread thread : threads) {
            if (witness.arrivalsHoldingOneLock(thread) == 0) {
                throw new AssertionFailedError("the scheduling point between the two locks was not reached: "
                        + thread.getName() + " never called Scheduling.point() while holding exactly one of the"
                        + " accounts' locks, so the grader could not make the two transfers meet there. Keep the"
                        + " given Scheduling.point() between the first synchronized block and the second.");
            }
        }
        assertEquals(1000 - there + back, bank.balance(a), "account " + a + " after " + pair);
        assertEquals(1000 + there - back, bank.balance(b), "account " + b + " after " + pair);
    }

    @Graded(task = 2, points = Rubric.DEADLOCK_POINTS, starter = Expect.ANY,
            calls = "Bank#transfer")
    @DisplayName("2b 10,000 random concurrent transfers conserve the money")
    void conservation() {
        int accounts = 10;
        Bank bank = new Bank(accounts, 1_000_000);
        KeyedRandom transfers = GradingSettings.current().random("bank transfers");
        List<Runnable> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            RandomGenerator random = transfers.child(t); // a stream of its own per thread: not thread-safe
            work.add(() -> {
                for (int i = 0; i < Rubric.TRANSFERS / 4; i++) {
                    bank.transfer(random.nextInt(accounts), random.nextInt(accounts), random.nextInt(1, 100));
                }
            });
        }
        awaitOrExplainDeadlock(start(work), "4 threads x " + Rubric.TRANSFERS / 4 + " random transfers",
                Hints.forCheck("2b"));
        assertEquals(accounts * 1_000_000L, bank.total(), "the total after all transfers: money must be conserved");
    }

    private static List<Thread> start(List<Runnable> work) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            Thread thread = new Thread(work.get(i), "transfer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        return threads;
    }

    /** Waits for the threads; on a deadlock among them (or a time-out), fails with who holds and waits for what. */
    private static void awaitOrExplainDeadlock(List<Thread> threads, String what, String hint) {
        long deadline = System.nanoTime() + Rubric.THREAD_MILLIS * 1_000_000L;
        Set<Long> ours = threads.stream().map(Thread::getId).collect(Collectors.toSet());
        while (threads.stream().anyMatch(Thread::isAlive)) {
            long[] deadlocked = THREADS.findDeadlockedThreads();
            // only this test's threads: an earlier check's deadlocked daemons may still be parked in this JVM
            long[] mine = deadlocked == null ? new long[0]
                    : Arrays.stream(deadlocked).filter(ours::contains).toArray();
            if (mine.length > 0) {
                StringBuilder cycle = new StringBuilder();
                for (ThreadInfo info : THREADS.getThreadInfo(mine)) {
                    if (info != null) {
                        cycle.append("\n  ").append(info.getThreadName()).append(" waits for ")
                                .append(info.getLockName()).append(", held by ").append(info.getLockOwnerName());
                    }
                }
                throw new AssertionFailedError(what + ": deadlock, found by ThreadMXBean.findDeadlockedThreads():"
                        + cycle + "\n  hint: " + hint);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionFailedError(what + ": not finished after " + Rubric.THREAD_MILLIS / 1000 + " s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted", e);
            }
        }
    }
}
