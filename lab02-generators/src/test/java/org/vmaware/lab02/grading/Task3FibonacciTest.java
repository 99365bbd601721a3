package org.vmaware.lab02.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Reference;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.CheckContext;
import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.KeyedRandom;
import org.vmaware.grader.fork.Channel;
import org.vmaware.grader.fork.ForkedJvm;
import org.vmaware.lab02.Fibonacci;
import org.vmaware.lab02.Generator;

/**
 * Task 3: Fibonacci, eager and lazy, at the lecture's sizes (10, 34, 177). Laziness is graded by when the work happens
 * (a probe counts the terms computed) and by what stays reachable, not by bytes allocated: fully consumed, both
 * versions allocate the same {@code BigInteger}s.
 */
@DisplayName("Task 3: Fibonacci, eager and lazy")
class Task3FibonacciTest {

    @Graded(task = 3, points = Rubric.SEMANTICS_POINTS, starter = Expect.PASS)
    @DisplayName("3a exact terms at 10, 34, 93 and 177, eager, lazy and generator")
    void exactTerms() {
        Task2GeneratorTest.within(() -> {
            for (int count : new int[] {0, 1, 2, 10, 34, 93, 177}) {
                List<BigInteger> expected = Baselines.fibonacci(count);
                LongAdder eagerProbe = new LongAdder();
                assertEquals(expected, Fibonacci.eager(count, eagerProbe), "eager(" + count + ")");
                LongAdder lazyProbe = new LongAdder();
                assertEquals(expected, drain(Fibonacci.lazy(count, lazyProbe)), "lazy(" + count + ")");
                assertEquals(count, lazyProbe.sum(), "lazy(" + count + ") counts one computed term per term");
                LongAdder generatorProbe = new LongAdder();
                try (Generator<BigInteger> generator = Fibonacci.generator(count, generatorProbe)) {
                    assertEquals(expected, drain(generator), "generator(" + count + ")");
                }
                assertEquals(count, generatorProbe.sum(), "generator(" + count + ") counts one computed term per term");
            }
            List<BigInteger> ninetyThree = drain(Fibonacci.lazy(93, new LongAdder()));
            assertEquals(new BigInteger("7540113804746346429"), ninetyThree.get(91), "term 92, the last that fits a long");
            assertEquals(new BigInteger("12200160415121876738"), ninetyThree.get(92), "term 93 overflows a long");
            assertEquals(new BigInteger("4378519841510949178490918731459856482"),
                    drain(Fibonacci.lazy(177, new LongAdder())).get(176), "term 177, the lecture's largest");
        });
    }

    @Graded(task = 3, points = Rubric.KEY_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL)
    @DisplayName("3b lazy and generator compute a term only when it is asked for")
    void workHappensWhenAsked() {
        // the probe is the submission's to increment, so the bytes allocated on every thread are counted too:
        // computing terms ahead allocates them. A length and a depth drawn for the run, and every call to the depth
        // measured, so terms computed ahead in bursts show wherever the bursts fall; in a JVM where none of the
        // submission's code ran before, so a table filled earlier cannot hide the work (red team 11)
        KeyedRandom random = GradingSettings.current().random("fibonacci laziness");
        int count = 2_000 + random.nextInt(8_000);
        int depth = count / 4 + random.nextInt(count / 2);
        CheckContext.current().note(answerFromAJvmOfItsOwn(LazinessMain.class, "lazy(" + count + ") and generator("
                + count + ")", LazinessMain.LAZY, LazinessMain.EAGER, Integer.toString(count),
                Integer.toString(depth), Long.toString(random.nextLong())));
        // the probe is the submission's to increment, so it proves nothing alone: a sequence of a billion terms and
        // more, which no list can hold, must still give its first terms at once
        int endless = 1_000_000_000 + GradingSettings.current().random("endless fibonacci")
                .nextInt(1_000_000);
        List<BigInteger> first = List.of(BigInteger.ONE, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3),
                BigInteger.valueOf(5));
        assertTimeoutPreemptively(Duration.ofSeconds(Rubric.GENERATOR_SECONDS), () -> {
            Iterator<BigInteger> lazy = Fibonacci.lazy(endless, new LongAdder());
            assertEquals(first, take(lazy, first.size()), "the first terms of lazy(" + endless + ")");
            try (Generator<BigInteger> generator = Fibonacci.generator(endless, new LongAdder())) {
                assertEquals(first, take(generator, first.size()), "the first terms of generator(" + endless + ")");
            }
        }, "lazy(" + endless + ") or generator(" + endless + ") did not give its first five terms within "
                + Rubric.GENERATOR_SECONDS + " s: it computes the terms before they are asked for");
    }

    private static List<BigInteger> take(Iterator<BigInteger> terms, int count) {
        List<BigInteger> taken = new ArrayList<>();
        for (int i = 0; i < count && terms.hasNext(); i++) {
            taken.add(terms.next());
        }
        return taken;
    }

    @Graded(task = 3, points = Rubric.KEY_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL)
    @DisplayName("3c lazy keeps two terms alive, not all of them")
    void lazyRetainsLittle() {
        // a length and depths drawn for this run, and every term taken checked, so only the real sequence can pass;
        // a sequence that computes terms ahead in batches holds a batch at most depths, wherever its batches end
        KeyedRandom random = GradingSettings.current().random("fibonacci retention");
        int terms = Rubric.RETENTION_TERMS + random.nextInt(1000);
        int taken = terms - 10;
        int[] depths = IntStream.concat(random.ints(Rubric.RETENTION_DEPTHS, terms / 4, taken), IntStream.of(taken))
                .distinct().sorted().toArray();
        String[] answer = retainedInAJvmOfItsOwn(terms, depths).split(" ", 2);
        long lazy = Long.parseLong(answer[0]);
        // the yardstick is the tests' own list, not the given eager() in the student's file
        long eager = retainedWhileConsuming(() -> Baselines.fibonacci(terms).iterator(), taken, "an eager list");
        CheckContext.current().note(String.format(Locale.ROOT, "the most reachable at %d depths from %,d to %,d of"
                + " %,d terms (heap, direct and mapped buffers): lazy %,d bytes; after %,d, the eager list's iterator"
                + " %,d bytes; %s", depths.length, depths[0], taken, terms, lazy, taken, eager, answer[1]));
        if (lazy > Rubric.RETAINED_BYTES_MAX) {
            throw new AssertionFailedError(String.format(Locale.ROOT, "lazy(%,d) kept up to %,d bytes reachable while"
                    + " it was consumed (the eager list's iterator: %,d); a lazy iterator keeps only the last two"
                    + " terms, at most %,d bytes, on the heap or off it", terms, lazy, eager,
                    Rubric.RETAINED_BYTES_MAX));
        }
        assertTrue(eager > 4 * Rubric.RETAINED_BYTES_MAX, "the measurement itself: the eager list should keep about"
                + " 39 MB reachable, measured " + eager);
    }

    /**
     * The most {@code lazy(terms)} keeps reachable at the given depths, and what a crowd of them kept, measured by
     * {@link RetentionMain}.
     */
    private static String retainedInAJvmOfItsOwn(int terms, int[] depths) {
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(terms));
        IntStream.of(depths).forEach(depth -> args.add(Integer.toString(depth)));
        return answerFromAJvmOfItsOwn(RetentionMain.class, "lazy(" + terms + ")", RetentionMain.RETAINED,
                RetentionMain.WRONG, args.toArray(String[]::new));
    }

    /**
     * Runs a measuring class in a fresh JVM and returns its one answer: the payload of its {@code pass} frame, or a
     * failure with the payload of its {@code fail} frame, or with its output where it gave no single answer.
     */
    private static String answerFromAJvmOfItsOwn(Class<?> main, String call, String pass, String fail,
            String... args) {
        List<Channel.Frame> frames = new CopyOnWriteArrayList<>();
        ForkedJvm.Result result = ForkedJvm.main(main.getName()).flags("-Xmx256m", "-XX:+UseSerialGC")
                .args(args).channel(frames::add)
                .timeout(Duration.ofSeconds(60)).outputLimit(64 * 1024).run();
        List<Channel.Frame> answers = frames.stream()
                .filter(f -> f.type().equals(pass) || f.type().equals(fail))
                .collect(Collectors.toList());
        if (answers.size() != 1) {
            throw new AssertionFailedError(call + ": the measuring JVM " + (result.timedOut() ? "ran past 60 s"
                    : "exited with status " + result.exitCode()) + " with " + answers.size() + " answers.\n"
                    + Task4PipelineTest.tail(result.output()));
        }
        if (answers.get(0).type().equals(fail)) {
            throw new AssertionFailedError(call + ": " + answers.get(0).payload());
        }
        return answers.get(0).payload();
    }

    /**
     * Bytes still reachable (after full collections) while the iterator holds its place after {@code taken} values,
     * each value checked against the tests' own running pair of terms.
     */
    private static long retainedWhileConsuming(Supplier<Iterator<BigInteger>> make, int taken, String what) {
        long before = retainedBytes();
        Iterator<BigInteger> terms = make.get();
        BigInteger previous = BigInteger.ZERO;
        BigInteger expected = BigInteger.ONE;
        for (int i = 0; i < taken; i++) {
            BigInteger term = terms.next();
            if (!expected.equals(term)) {
                throw new AssertionFailedError(what + ": term " + (i + 1) + " is wrong (" + abbreviate(term)
                        + ", expected " + abbreviate(expected) + ")");
            }
            BigInteger next = previous.add(expected);
            previous = expected;
            expected = next;
        }
        long after = retainedBytes();
        assertTrue(terms.hasNext(), what + ": the iterator ended after " + taken + " terms");
        Reference.reachabilityFence(terms);
        return Math.max(0, after - before);
    }

    private static long retainedBytes() {
        return RetentionMain.reachableBytes();
    }

    private static String abbreviate(BigInteger term) {
        return RetentionMain.abbreviate(term);
    }

    private static List<BigInteger> drain(Iterator<BigInteger> terms) {
        List<BigInteger> list = new ArrayList<>();
        terms.forEachRemaining(list::add);
        return list;
    }
}
