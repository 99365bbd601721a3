package org.vmaware.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test method as a graded check: a JUnit test that earns points.
 *
 * <p>One annotation carries everything the grader needs to score, report and prove a check:</p>
 * <pre>
 * &#64;Graded(task = 2, points = 3, kind = CheckKind.TIMING, starter = Expect.FAIL)
 * &#64;DisplayName("StringBuilder is at least 10x faster than s += piece")
 * void stringBuilderBeatsPlus() { ... }
 * </pre>
 *
 * <p>The expectations ({@link #reference()}, {@link #starter()}) are what the instructor's build proves: the
 * reference solution must pass every check, and the untouched starter must fail every performance check.</p>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag("graded")
@ExtendWith(GradingExtension.class)
public @interface Graded {

    /** The task of the lab's handout this check belongs to (1, 2, ...). */
    int task();

    /** The points this check is worth; partial credit comes from the timing bands. */
    double points();

    /** What the check measures; timing checks are skipped in correctness mode. */
    CheckKind kind() default CheckKind.CORRECTNESS;

    /** Outcome the reference solution must have (always PASS for a check that can be earned). */
    Expect reference() default Expect.PASS;

    /** Outcome the pristine starter must have: FAIL for every performance check. */
    Expect starter();

    /** Gradescope visibility of this check's result. */
    Visibility visibility() default Visibility.VISIBLE;

    /**
     * Non-empty where the check's outcome depends on the grading machine (for example, it needs two free CPUs):
     * the reason is shown, and INCONCLUSIVE is then an accepted outcome for the proof.
     */
    String machineDependent() default "";

    /**
     * The student's methods this check calls, as {@code Class#method} ({@code "Concatenations#presizedStringBuilder"}).
     * Once one of them has run past its time limit in one check, the checks still to run that call it fail at once
     * ("not run: presizedStringBuilder already ran past its limit in 1b"): one endless loop costs one limit.
     */
    String[] calls() default {};
}
