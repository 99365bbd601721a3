package org.vmaware.lab03.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.lab03.CopyArithmetic;

/**
 * Task 4: the lecture's copy arithmetic as formulas. The starter leaves it to the student, so the starter fails
 * this check by design.
 */
@DisplayName("Task 4: copy arithmetic")
class Task4CopyArithmeticTest {

    @Graded(task = 4, points = Rubric.ARITHMETIC_POINTS, starter = Expect.FAIL,
            calls = {"CopyArithmetic#charsCopiedByPlus", "CopyArithmetic#charsCopiedByJoin"})
    @DisplayName("4 characters copied by + and by join")
    void copyCounts() {
        assertEquals(90, CopyArithmetic.charsCopiedByPlus(4, 10), "the lecture's example: four strings of 10 chars");
        assertEquals(40, CopyArithmetic.charsCopiedByJoin(4, 10), "the lecture's example: four strings of 10 chars");
        assertEquals(0, CopyArithmetic.charsCopiedByPlus(0, 10), "no strings: nothing is copied");
        assertEquals(0, CopyArithmetic.charsCopiedByPlus(1, 10), "one string: nothing to concatenate");
        assertEquals(0, CopyArithmetic.charsCopiedByJoin(0, 10), "no strings: nothing is copied");
        for (int count = 2; count <= 60; count += 7) {
            for (int length = 0; length <= 12; length += 3) {
                assertEquals(simulatePlus(count, length), CopyArithmetic.charsCopiedByPlus(count, length),
                        "charsCopiedByPlus(" + count + ", " + length + ")");
                assertEquals((long) count * length, CopyArithmetic.charsCopiedByJoin(count, length),
                        "charsCopiedByJoin(" + count + ", " + length + ")");
            }
        }
        assertEquals(simulatePlus(100_000, 3), CopyArithmetic.charsCopiedByPlus(100_000, 3),
                "charsCopiedByPlus(100000, 3): does your formula overflow int?");
    }

    /** The lecture's count, step by step: the j-th + copies j strings' worth. */
    private static long simulatePlus(int count, int length) {
        long copied = 0;
        for (int j = 2; j <= count; j++) {
            copied += (long) j * length;
        }
        return copied;
    }
}
