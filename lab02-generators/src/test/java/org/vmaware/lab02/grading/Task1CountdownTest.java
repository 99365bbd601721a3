package org.vmaware.lab02.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.lab02.Countdown;
import org.vmaware.lab02.Generator;

/** Task 1: the lecture's countdown as a Java iterator, then written short. */
@DisplayName("Task 1: the countdown iterator")
class Task1CountdownTest {

    @Graded(task = 1, points = Rubric.KEY_POINTS, starter = Expect.FAIL)
    @DisplayName("1a Countdown keeps the iterator protocol")
    void iteratorProtocol() {
        AtomicInteger pauses = new AtomicInteger();
        List<Integer> values = collect(new Countdown(10, pauses::incrementAndGet));
        assertEquals(List.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), values, "for-each over new Countdown(10, pause)");
        assertEquals(10, pauses.get(), "one pause before each of the 10 values");

        pauses.set(0);
        Iterator<Integer> countdown = new Countdown(2, pauses::incrementAndGet).iterator();
        for (int i = 0; i < 5; i++) {
            assertTrue(countdown.hasNext(), "hasNext() before the first value, asked 5 times");
        }
        assertEquals(0, pauses.get(), "hasNext() only looks: no pause, no value used up");
        assertEquals(2, countdown.next(), "the first next()");
        assertEquals(1, pauses.get(), "the pause comes with the value, not before it is asked for");
        assertEquals(1, countdown.next(), "the second next()");
        assertFalse(countdown.hasNext(), "hasNext() after the last value");
        assertFalse(countdown.hasNext(), "hasNext() after the last value, asked again");
        assertThrows(NoSuchElementException.class, countdown::next, "next() past the end (Python's StopIteration)");

        Countdown twice = new Countdown(3, () -> { });
        assertEquals(List.of(3, 2, 1), collect(twice), "the first iteration of one Countdown");
        assertEquals(List.of(3, 2, 1), collect(twice), "a second iteration of the same Countdown starts afresh");
        assertEquals(List.of(), collect(new Countdown(0, () -> { })), "a countdown from 0 is empty");
        assertEquals(List.of(), collect(new Countdown(-3, () -> { })), "a countdown from -3 is empty");

        // a start drawn for this run, so no table of the lecture's values can stand in for counting
        int start = drawnStart("countdown iterator");
        pauses.set(0);
        assertEquals(countdownFrom(start), collect(new Countdown(start, pauses::incrementAndGet)),
                "for-each over new Countdown(" + start + ", pause)");
        assertEquals(start, pauses.get(), "one pause before each of the " + start + " values");
    }

    @Graded(task = 1, points = Rubric.SEMANTICS_POINTS, starter = Expect.FAIL)
    @DisplayName("1b the countdown as a lazy stream and as a generator")
    void shortVersions() {
        AtomicInteger pauses = new AtomicInteger();
        assertEquals(List.of(5, 4, 3, 2, 1), Countdown.stream(5, pauses::incrementAndGet).collect(Collectors.toList()),
                "Countdown.stream(5, pause)");
        assertEquals(5, pauses.get(), "one pause per value");
        pauses.set(0);
        assertEquals(List.of(1_000_000, 999_999, 999_998),
                Countdown.stream(1_000_000, pauses::incrementAndGet).limit(3).collect(Collectors.toList()),
                "the first 3 values of Countdown.stream(1000000, pause)");
        assertEquals(3, pauses.get(), "a lazy stream pauses only for the values taken");
        assertEquals(List.of(), Countdown.stream(0, () -> { }).collect(Collectors.toList()), "Countdown.stream(0, pause)");
        int start = drawnStart("countdown stream");
        assertEquals(countdownFrom(start), Countdown.stream(start, () -> { }).collect(Collectors.toList()),
                "Countdown.stream(" + start + ", pause)");
        assertTimeoutPreemptively(Duration.ofSeconds(Rubric.GENERATOR_SECONDS), () -> {
            AtomicInteger generatorPauses = new AtomicInteger();
            try (Generator<Integer> generator = Countdown.generator(4, generatorPauses::incrementAndGet)) {
                assertEquals(List.of(4, 3, 2, 1), collect(generator), "Countdown.generator(4, pause)");
            }
            assertEquals(4, generatorPauses.get(), "one pause per value");
            int generatorStart = drawnStart("countdown generator");
            try (Generator<Integer> generator = Countdown.generator(generatorStart, () -> { })) {
                assertEquals(countdownFrom(generatorStart), collect(generator),
                        "Countdown.generator(" + generatorStart + ", pause)");
            }
        }, "Countdown.generator did not finish in " + Rubric.GENERATOR_SECONDS + " s");
    }

    /** A start between 11 and 60, drawn from the run's seed for the named use. */
    private static int drawnStart(String use) {
        return 11 + GradingSettings.current().random(use).nextInt(50);
    }

    /** The tests' own countdown: start, start - 1, ..., 1. */
    private static List<Integer> countdownFrom(int start) {
        List<Integer> values = new ArrayList<>();
        for (int value = start; value > 0; value--) {
            values.add(value);
        }
        return values;
    }

    /** The values of a for-each, with a clear message when next() fails although hasNext() said there was one. */
    private static List<Integer> collect(Iterable<Integer> values) {
        List<Integer> list = new ArrayList<>();
        Iterator<Integer> iterator = values.iterator();
        while (iterator.hasNext()) {
            try {
                list.add(iterator.next());
            } catch (NoSuchElementException e) {
                throw new AssertionFailedError("next() threw NoSuchElementException (\"" + e.getMessage() + "\") after"
                        + " hasNext() said there was a value, with " + list + " received so far. next() must return one"
                        + " value and keep its place; the lecture's __next__ calls itself instead of returning.", e);
            }
        }
        return list;
    }
}
