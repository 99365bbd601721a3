package org.vmaware.grader;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a running graded check has reported so far: its measured value, target, earned fraction and data.
 *
 * <p>The {@link GradingExtension} opens one context per graded test on the test's thread; verdicts
 * ({@link org.vmaware.grader.timing.Verdict#require()}) fill it in. Code outside a graded test sees none.</p>
 */
public final class CheckContext {

    private static final ThreadLocal<CheckContext> CURRENT = new ThreadLocal<>();

    private String measured = "";
    private String target = "";
    private String note = "";
    private Double fraction;
    private final Map<String, Object> data = new LinkedHashMap<>();

    static CheckContext open() {
        CheckContext context = new CheckContext();
        CURRENT.set(context);
        return context;
    }

    static void close() {
        CURRENT.remove();
    }

    /** The context of the graded check running on this thread, or a throw-away one outside graded tests. */
    public static CheckContext current() {
        CheckContext context = CURRENT.get();
        return context != null ? context : new CheckContext();
    }

    /**
     * Records a measurement; a check with several measurements keeps the lowest fraction and joins the texts.
     *
     * @param measuredText what was measured, in words
     * @param targetText   the target, in words
     * @param earned       fraction of the points the measurement earns, 0 to 1
     * @param values       data for the reports
     */
    public void record(String measuredText, String targetText, double earned, Map<String, Object> values) {
        measured = measured.isEmpty() ? measuredText : measured + "; " + measuredText;
        target = target.isEmpty() ? targetText : target + "; " + targetText;
        fraction = fraction == null ? earned : Math.min(fraction, earned);
        data.putAll(values);
    }

    /** Adds one value to the check's data for the reports, adding to a number already there (a phase's time). */
    public void add(String key, long value) {
        data.merge(key, value, (a, b) -> a instanceof Long ? (Long) a + (Long) b : b);
    }

    /** Adds a line of feedback shown with the check whatever its outcome. */
    public void note(String line) {
        note = note.isEmpty() ? line : note + "\n" + line;
    }

    String measured() {
        return measured;
    }

    String target() {
        return target;
    }

    String note() {
        return note;
    }

    Double fraction() {
        return fraction;
    }

    Map<String, Object> data() {
        return data;
    }
}
