package org.vmaware.grader;

import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Names what a profile of this check would run, should it fail or be explained: the timing engine calls it for a
     * comparison a child JVM can rebuild. The grader profiles it in a JVM of its own after the run's verdicts, under
     * the same sandbox and with only the JVM flags it allows (docs/profiles.md); the request is the data key
     * {@value #PROFILE_REQUEST}.
     *
     * @param comparison the {@link org.vmaware.grader.timing.Comparison} class, by binary name
     * @param jvmFlags   the check's own JVM flags ({@code -XX:TieredStopAtLevel=1}), not the heap's
     * @param seed       the seed of the check's inputs
     */
    public void profileWith(String comparison, List<String> jvmFlags, long seed) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("comparison", comparison);
        request.put("flags", List.copyOf(jvmFlags));
        request.put("seed", seed);
        data.put(PROFILE_REQUEST, request);
    }

    /** The data key of a check's {@link #profileWith profile request}. */
    public static final String PROFILE_REQUEST = "profile_request";

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
