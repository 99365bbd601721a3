package org.vmaware.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The hint a check shows when it fails, at the level the lab's {@code grading.json} names ({@code "hints"}, passed
 * to the graded JVM as {@code grade.hints}). A lab keeps its hints in {@code src/test/resources/hints.properties},
 * one entry per check and level, in UTF-8:
 *
 * <pre>
 * 2b.idea   = the concept, and where to read about it (the README's section, the JDK class to look up)
 * 2b.api    = the JDK classes and methods to look up, no code
 * 2b.answer = what to write
 *
 * Hints.forCheck("2b")      the text at this run's level
 * Hints.forCheck("9z")      IllegalStateException: hints.properties has no hint for check 9z at level idea ...
 * </pre>
 *
 * <p>A student edition keeps only the level its {@code grading.json} names, so a student cannot read the answers
 * in their own copy.</p>
 */
public final class Hints {

    /** The system property that carries the level into the graded JVM. */
    public static final String PROPERTY = "grade.hints";
    /** The hints' resource, at the root of a lab's test class path. */
    public static final String RESOURCE = "hints.properties";

    /** How much a hint tells. */
    public enum Level {
        /** The concept, and where to read about it: no identifier of the answer that the starter does not show. */
        IDEA,
        /** The JDK classes and methods to look up, and no code. */
        API,
        /** What to write. */
        ANSWER;

        /** The level as grading.json and the resource's keys spell it: {@code idea}, {@code api}, {@code answer}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The level spelled {@code text}.
         *
         * @throws IllegalArgumentException if {@code text} names no level, with a message that says which ones do
         */
        public static Level parse(String text) {
            for (Level level : values()) {
                if (level.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return level;
                }
            }
            throw new IllegalArgumentException("the hint level (\"hints\" in grading.json, " + PROPERTY + ") must be"
                    + " idea, api or answer, not '" + text + "'");
        }
    }

    /** The lab's hints, once loaded. */
    private static Properties loadedHints;

    private Hints() {
    }

    /**
     * The hint of check {@code checkId} (the id its {@code @DisplayName} starts with, such as {@code 2b}) at this
     * run's level.
     *
     * @throws IllegalStateException if the lab has no hints resource, or it has no entry for this check and level
     */
    public static String forCheck(String checkId) {
        return forCheck(hints(), checkId, GradingSettings.current().hintLevel());
    }

    /** The hint of {@code checkId} at {@code level} in {@code hints}, failing as {@link #forCheck(String)} does. */
    static String forCheck(Properties hints, String checkId, Level level) {
        String key = checkId + "." + level.key();
        String text = hints.getProperty(key);
        if (text == null || text.isBlank()) {
            StringBuilder others = new StringBuilder();
            for (Level other : Level.values()) {
                if (hints.getProperty(checkId + "." + other.key()) != null) {
                    others.append(others.length() == 0 ? "" : ", ").append(other.key());
                }
            }
            throw new IllegalStateException(RESOURCE + " has no hint for check " + checkId + " at level "
                    + level.key() + " (key " + key + ")" + (others.length() == 0 ? "" : "; it has " + others
                    + ", and a student edition keeps only the level its grading.json names"));
        }
        return text.trim();
    }

    /** The lab's hints, loaded on the first lookup; a missing resource fails every lookup with the same message. */
    private static synchronized Properties hints() {
        if (loadedHints == null) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = (loader != null ? loader : Hints.class.getClassLoader()).getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the test class path: a lab keeps its hints in"
                        + " src/test/resources/" + RESOURCE);
            }
            Properties loaded = new Properties();
            // UTF-8, not the ISO-8859-1 of Properties.load(InputStream): hints write O(n²)
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                loaded.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
            loadedHints = loaded;
        }
        return loadedHints;
    }
}
