package org.vmaware.grader;

import java.lang.reflect.Method;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import org.vmaware.grader.fork.Protocol;

/**
 * Turns {@link Graded} tests into scored checks: decides whether a check runs in this mode, opens its
 * {@link CheckContext}, and records its {@link CheckResult} in the {@link GradeBook} when it ends.
 */
public final class GradingExtension implements ExecutionCondition, BeforeTestExecutionCallback,
        AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GradingExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Graded> graded = context.getTestMethod().map(m -> m.getAnnotation(Graded.class));
        if (graded.isEmpty()) {
            return ConditionEvaluationResult.enabled("not a graded check");
        }
        GradingSettings settings = GradingSettings.current();
        Graded g = graded.get();
        if (!settings.runsTask(g.task())) {
            return ConditionEvaluationResult.disabled("only another task's checks run (grade.task)");
        }
        if (g.kind() == CheckKind.TIMING && settings.correctnessOnly()) {
            String why = "timing checks are off in correctness mode (-Dgrade.mode=correctness)";
            GradeBook.get().add(result(context, g, Outcome.SKIPPED, 0, why, new CheckContext(), 0));
            return ConditionEvaluationResult.disabled(why);
        }
        return ConditionEvaluationResult.enabled("graded check");
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        CheckContext.open();
        context.getStore(NAMESPACE).put("start", System.nanoTime());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Graded g = context.getRequiredTestMethod().getAnnotation(Graded.class);
        if (g == null) {
            return;
        }
        long elapsed = (System.nanoTime() - context.getStore(NAMESPACE).get("start", Long.class)) / 1_000_000;
        CheckContext check = CheckContext.current();
        try {
            Throwable failure = context.getExecutionException().orElse(null);
            Outcome outcome;
            double fraction;
            String message;
            // Partial credit comes only from the engine's own exception, never from state the code under test can
            // reach (the check context is on this thread, and code under test runs here too).
            if (failure == null) {
                outcome = Outcome.PASS;
                fraction = 1.0;
                message = "";
            } else if (failure instanceof InconclusiveException) {
                outcome = Outcome.INCONCLUSIVE;
                fraction = ((InconclusiveException) failure).fraction();
                message = failure.getMessage();
            } else if (failure instanceof TestAbortedException) {
                outcome = Outcome.SKIPPED;
                fraction = 0;
                message = failure.getMessage();
            } else {
                fraction = failure.getClass() == ScoredFailure.class ? ((ScoredFailure) failure).fraction() : 0;
                outcome = fraction > 0 ? Outcome.PARTIAL : Outcome.FAIL;
                message = describe(failure);
            }
            if (!check.note().isEmpty()) {
                message = message.isEmpty() ? check.note() : message + "\n" + check.note();
            }
            GradeBook.get().add(result(context, g, outcome, fraction, message, check, elapsed));
        } finally {
            CheckContext.close();
        }
    }

    private static CheckResult result(ExtensionContext context, Graded g, Outcome outcome, double fraction,
            String message, CheckContext check, long elapsedMillis) {
        Method method = context.getRequiredTestMethod();
        String id = Protocol.checkId(method);
        return new CheckResult(id, g.task(), context.getDisplayName(), g.kind(), g.points() * fraction, g.points(),
                outcome, capped(check.measured()), capped(check.target()), capped(message == null ? "" : message),
                g.visibility(),
                g.reference(), g.starter(), g.machineDependent(), check.data(), elapsedMillis);
    }

    /** Feedback longer than this is cut: a message is the code under test's to choose, and a report must stay small. */
    static final int MAX_MESSAGE_CHARS = 8_000;

    static String capped(String text) {
        if (text.length() <= MAX_MESSAGE_CHARS) {
            return text;
        }
        return text.substring(0, MAX_MESSAGE_CHARS) + String.format(java.util.Locale.ROOT,
                "... [%,d more characters cut]", text.length() - MAX_MESSAGE_CHARS);
    }

    /** Feedback for a failure: assertion messages as they are; a crash as its type, message and where it began. */
    static String describe(Throwable failure) {
        if (failure instanceof AssertionError) {
            return String.valueOf(failure.getMessage());
        }
        StringBuilder text = new StringBuilder("threw ").append(failure.getClass().getName());
        if (failure.getMessage() != null) {
            text.append(": ").append(failure.getMessage());
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            String cls = frame.getClassName();
            if (!cls.startsWith("java.") && !cls.startsWith("jdk.") && !cls.startsWith("sun.")
                    && !cls.startsWith("org.junit.") && !cls.startsWith("org.vmaware.grader.")) {
                text.append(" (at ").append(frame.getFileName()).append(':').append(frame.getLineNumber()).append(')');
                break;
            }
        }
        return text.toString();
    }
}
