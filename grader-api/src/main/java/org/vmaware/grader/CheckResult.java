package org.vmaware.grader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One graded check's result, as the reports show it.
 *
 * @param id          stable identifier: test class and method
 * @param task        the handout's task number
 * @param name        what the check proves, for students
 * @param kind        what it measures
 * @param points      points earned
 * @param maxPoints   points possible
 * @param outcome     PASS, PARTIAL, FAIL, INCONCLUSIVE or SKIPPED
 * @param measured    the measured value in words ("412.3x faster"), empty for correctness checks
 * @param target      the target in words ("at least 10x"), empty for correctness checks
 * @param message     feedback: why it failed, what was measured, a hint
 * @param visibility  Gradescope visibility
 * @param expectReference  outcome the reference must have
 * @param expectStarter    outcome the pristine starter must have
 * @param machineDependent why INCONCLUSIVE is acceptable here, or empty
 * @param data        measurements for reports (ratios, CI, rounds, bytes)
 * @param elapsedMillis   wall time the check took
 */
public record CheckResult(String id, int task, String name, CheckKind kind, double points, double maxPoints,
        Outcome outcome, String measured, String target, String message, Visibility visibility,
        Expect expectReference, Expect expectStarter, String machineDependent, Map<String, Object> data,
        long elapsedMillis) {

    public CheckResult {
        data = data == null ? Map.of() : new LinkedHashMap<>(data);
    }

    /** The ordered list of tags shown in Gradescope. */
    public List<String> tags() {
        return List.of("task" + task, kind.name().toLowerCase(java.util.Locale.ROOT));
    }
}
