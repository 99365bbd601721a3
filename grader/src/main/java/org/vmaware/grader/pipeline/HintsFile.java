package org.vmaware.grader.pipeline;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import java.util.TreeSet;

import org.vmaware.grader.Hints;

/**
 * A lab's hints ({@link Hints}) as a student edition carries them: only the level its grading.json names, so that a
 * student's copy holds no hint the grader would not show them.
 *
 * <pre>
 * onlyLevel("2b.idea = the concept\n2b.answer = the code\n", IDEA)   "# ...\n2b.idea = the concept\n"
 * </pre>
 */
final class HintsFile {

    /** Where a lab keeps its hints, from the lab's folder. */
    static final String PATH = "src/test/resources/" + Hints.RESOURCE;

    private HintsFile() {
    }

    /** The entries of {@code text} (a properties file) at {@code level}, sorted by check, one line each. */
    static String onlyLevel(String text, Hints.Level level) throws IOException {
        Properties all = new Properties();
        all.load(new StringReader(text));
        StringBuilder kept = new StringBuilder("# The hints at level " + level.key() + ", the level this lab's"
                + " grading.json names: a student edition keeps no other.\n");
        for (String key : new TreeSet<>(all.stringPropertyNames())) {
            if (key.endsWith("." + level.key())) {
                kept.append(key).append(" = ").append(escaped(all.getProperty(key).trim())).append('\n');
            }
        }
        return kept.toString();
    }

    /** A value as a properties file reads it back: backslashes and line breaks escaped. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
