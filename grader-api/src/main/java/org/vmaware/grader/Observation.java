package org.vmaware.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Marks a test that measures something worth no points but shown beside the score (through
 * {@link GradeBook#observe(String)}), such as the naive baseline's own growth.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag("observation")
public @interface Observation {

    /**
     * A public {@code timing.Comparison} class whose profile {@code grade --explain METHOD} (or
     * {@code -Dgrade.explain=METHOD}, {@code METHOD} this test's name) shows under the observation, made in a JVM of
     * its own after the run's verdicts as a timing check's is; {@code void.class} for none.
     */
    Class<?> profile() default void.class;
}
