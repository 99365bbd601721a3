package org.vmaware.lab02.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.lab02.Generator;

/**
 * Task 2: {@link Generator} behaves like a Python generator. Every body here is the tests' own and counts itself in
 * and out ({@link Leaks#tracked}), so "nothing left running" is checked without trusting the code under test.
 */
@DisplayName("Task 2: Generator")
class Task2GeneratorTest {

    @Graded(task = 2, points = Rubric.SEMANTICS_POINTS, starter = Expect.PASS)
    @DisplayName("2a values in order, then NoSuchElementException (the lecture's generators)")
    void order() {
        within(() -> {
            Generator<Integer> simple = Generator.of(Leaks.tracked(out -> {
                out.yield(1);
                out.yield(2);
                out.yield(3);
            }));
            assertEquals(1, simple.next(), "simple_generator_function: first next()");
            assertTrue(simple.hasNext(), "hasNext() before the second value");
            assertTrue(simple.hasNext(), "hasNext() asked twice changes nothing");
            assertEquals(2, simple.next(), "second next()");
            assertEquals(3, simple.next(), "third next()");
            assertFalse(simple.hasNext(), "hasNext() after the last value");
            assertThrows(NoSuchElementException.class, simple::next, "a fourth next() (Python's StopIteration)");

            List<String> strings = new ArrayList<>();
            for (String s : Generator.of(Leaks.tracked((Generator.Yielder<String> out) -> {
                String yieldStr = "This will print the first string";
                out.yield(yieldStr);
                yieldStr = "This will print the second string";
                out.yield(yieldStr);
            }))) {
                strings.add(s);
            }
            assertEquals(List.of("This will print the first string", "This will print the second string"), strings,
                    "multi_yield through for-each");

            Generator<Integer> countdown = Generator.of(Leaks.tracked(out -> {
                for (int n = 10; n > 0; n--) {
                    out.yield(n);
                }
            }));
            assertEquals(List.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), countdown.stream().collect(Collectors.toList()),
                    "the countdown body through stream()");

            Generator<String> withNull = Generator.of(Leaks.tracked(out -> {
                out.yield(null);
                out.yield("after null");
            }));
            assertNull(withNull.next(), "a body may yield null, as Python yields None");
            assertEquals("after null", withNull.next(), "the value after a null");

            Generator<Integer> empty = Generator.of(Leaks.tracked(out -> { }));
            assertFalse(empty.hasNext(), "a body that yields nothing");
        });
        Leaks.awaitLiveBodies(0, "after exhausting every generator of 2a");
    }

    @Graded(task = 2, points = Rubric.KEY_POINTS, starter = Expect.FAIL)
    @DisplayName("2b the body starts at the first next() and runs one value at a time")
    void laziness() {
        within(() -> {
            AtomicBoolean started = new AtomicBoolean();
            AtomicInteger steps = new AtomicInteger();
            Generator<Integer> generator = Generator.of(Leaks.tracked(out -> {
                started.set(true);
                for (int i = 1; i <= 1000; i++) {
                    steps.incrementAndGet();
                    out.yield(i);
                }
            }));
            Thread.sleep(50);
            assertFalse(started.get(), "the body ran before anyone asked for a value (Python starts it at the first"
                    + " next())");
            assertEquals(1, generator.next(), "first next()");
            assertEquals(1, steps.get(), "after one next(), the body may have produced one value only");
            assertEquals(2, generator.next(), "second next()");
            assertEquals(3, generator.next(), "third next()");
            Thread.sleep(50);
            assertEquals(3, steps.get(), "after three next(), the body must wait in yield, having produced three values");
            generator.close();
        });
        Leaks.awaitLiveBodies(0, "after closing the generator of 2b");
    }

    @Graded(task = 2, points = Rubric.SEMANTICS_POINTS, starter = Expect.FAIL)
    @DisplayName("2c an exception in the body reaches the consumer after the values before it")
    void exceptions() {
        within(() -> {
            IllegalStateException boom = new IllegalStateException("boom");
            Generator<Integer> failing = Generator.of(Leaks.tracked(out -> {
                out.yield(1);
                out.yield(2);
                throw boom;
            }));
            try {
                assertEquals(1, failing.next(), "the first value comes before the exception");
            } catch (IllegalStateException early) {
                throw new AssertionFailedError("the body's exception arrived at the first next(), before the values 1"
                        + " and 2 that the body yielded first: values must come one at a time, and the exception at"
                        + " the next() that would have returned the value after them", early);
            }
            assertEquals(2, failing.next(), "the second value comes before the exception");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, failing::next,
                    "the third next() must throw the body's exception");
            assertSame(boom, thrown, "the consumer gets the body's own exception object");
            assertFalse(failing.hasNext(), "after the exception the generator is exhausted");

            Generator<Integer> checked = Generator.of(Leaks.tracked(out -> {
                out.yield(1);
                throw new IOException("disk");
            }));
            assertEquals(1, checked.next(), "the value before a checked exception");
            Generator.GeneratorException wrapped = assertThrows(Generator.GeneratorException.class, checked::next,
                    "a checked exception arrives wrapped in GeneratorException");
            assertTrue(wrapped.getCause() instanceof IOException, "with the body's exception as its cause");
        });
        Leaks.awaitLiveBodies(0, "after the failing generators of 2c");
    }

    @Graded(task = 2, points = Rubric.KEY_POINTS, starter = Expect.FAIL)
    @DisplayName("2d close() stops the body at its yield and runs its finally blocks")
    void close() {
        within(() -> {
            AtomicInteger steps = new AtomicInteger();
            AtomicBoolean finallyRan = new AtomicBoolean();
            AtomicBoolean swallowed = new AtomicBoolean();
            Generator<Integer> generator = Generator.of(Leaks.tracked(out -> {
                try {
                    for (int i = 1; i <= 1000; i++) {
                        steps.incrementAndGet();
                        out.yield(i);
                    }
                } catch (Exception e) {
                    swallowed.set(true);
                } finally {
                    finallyRan.set(true);
                }
            }));
            assertEquals(1, generator.next(), "first next()");
            assertEquals(2, generator.next(), "second next()");
            assertFalse(finallyRan.get(), "the body's finally ran before close()");
            generator.close();
            assertTrue(finallyRan.get(), "close() must return after the body's finally blocks ran");
            assertFalse(swallowed.get(), "GeneratorExit must not be an Exception: a body's catch (Exception e)"
                    + " swallowed it");
            assertEquals(2, steps.get(), "close() stops the body where it waits: no value after the second");
            assertFalse(generator.hasNext(), "hasNext() after close()");
            assertThrows(NoSuchElementException.class, generator::next, "next() after close()");
            generator.close();

            AtomicBoolean resourceClosed = new AtomicBoolean();
            try (Generator<Integer> scoped = Generator.of(Leaks.tracked(out -> {
                try {
                    out.yield(1);
                    out.yield(2);
                } finally {
                    resourceClosed.set(true);
                }
            }))) {
                assertEquals(1, scoped.next(), "first value in try-with-resources");
            }
            assertTrue(resourceClosed.get(), "try-with-resources closes the generator, so its finally runs");

            AtomicBoolean neverStarted = new AtomicBoolean(true);
            Generator<Integer> unstarted = Generator.of(Leaks.tracked(out -> {
                neverStarted.set(false);
                out.yield(1);
            }));
            unstarted.close();
            assertFalse(unstarted.hasNext(), "hasNext() after closing a generator that never started");
            assertTrue(neverStarted.get(), "closing an unstarted generator must not run its body");
        });
        Leaks.awaitLiveBodies(0, "after the closed generators of 2d");
    }

    @Graded(task = 2, points = Rubric.KEY_POINTS, starter = Expect.PASS)
    @DisplayName("2e nothing left running after exhaustion, close, or abandonment")
    void nothingLeftRunning() {
        int before = Leaks.liveBodies();
        within(() -> {
            for (int i = 0; i < 50; i++) {
                Generator<Integer> exhausted = Generator.of(Leaks.tracked(out -> {
                    out.yield(1);
                    out.yield(2);
                }));
                exhausted.forEachRemaining(value -> { });
            }
        });
        Leaks.awaitLiveBodies(before, "50 exhausted generators");
        within(() -> {
            for (int i = 0; i < 50; i++) {
                Generator<Integer> closed = Generator.of(Leaks.tracked(out -> {
                    for (int value = 0; value < 100_000; value++) {
                        out.yield(value);
                    }
                }));
                closed.next();
                closed.close();
            }
        });
        Leaks.awaitLiveBodies(before, "50 closed generators");
        within(Task2GeneratorTest::abandonSome);
        Leaks.awaitLiveBodies(before, "50 generators dropped while suspended (unreachable, then collected)");
    }

    /** Starts 50 long generators, takes a value from each, and drops them without closing. */
    private static void abandonSome() {
        for (int i = 0; i < 50; i++) {
            Generator<Integer> dropped = Generator.of(Leaks.tracked(out -> {
                for (int value = 0; value < 100_000; value++) {
                    out.yield(value);
                }
            }));
            dropped.next();
        }
    }

    @Graded(task = 2, points = Rubric.SEMANTICS_POINTS, starter = Expect.PASS)
    @DisplayName("2f 200 generators at once, interleaved")
    void manyAtOnce() {
        within(() -> {
            List<Generator<Integer>> generators = new ArrayList<>();
            for (int g = 0; g < 200; g++) {
                int base = g * 100;
                generators.add(Generator.of(Leaks.tracked(out -> {
                    for (int i = 0; i < 10; i++) {
                        out.yield(base + i);
                    }
                })));
            }
            for (int i = 0; i < 10; i++) {
                for (int g = 0; g < generators.size(); g++) {
                    assertEquals(g * 100 + i, generators.get(g).next(), "generator " + g + ", value " + i);
                }
            }
            for (Generator<Integer> generator : generators) {
                assertFalse(generator.hasNext(), "each of the 200 generators ends after its 10 values");
            }
        });
        Leaks.awaitLiveBodies(0, "after 200 exhausted generators");
    }

    /** Runs {@code checks}, failing (not hanging) if a generator blocks for too long. */
    static void within(Executable checks) {
        assertTimeoutPreemptively(Duration.ofSeconds(Rubric.GENERATOR_SECONDS), checks,
                "a generator blocked for more than " + Rubric.GENERATOR_SECONDS + " s (a lost wake-up, or a body and a"
                        + " consumer waiting for each other)");
    }
}
