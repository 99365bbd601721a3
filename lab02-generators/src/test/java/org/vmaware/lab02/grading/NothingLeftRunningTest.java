package org.vmaware.lab02.grading;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;

import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.lab02.Generator;

/**
 * Runs after every other test class ({@code junit-platform.properties} orders classes by {@link Order}): no body of
 * any generator the lab's tests started is still running, virtual threads included. The tests' own bodies count
 * themselves; {@link Generator#running()} covers the bodies written in your code (countdown, Fibonacci).
 */
@Order(Integer.MAX_VALUE)
@DisplayName("Task 2: after all the tests")
class NothingLeftRunningTest {

    @Graded(task = 2, points = Rubric.SEMANTICS_POINTS, starter = Expect.PASS)
    @DisplayName("2g after all of the lab's tests, no generator body is running")
    void nothingLeftRunning() {
        Leaks.awaitLiveBodies(0, "after all of lab02's tests");
    }
}
