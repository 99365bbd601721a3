package org.vmaware.grader.timing;

import java.lang.reflect.InvocationTargetException;

import org.vmaware.grader.fork.Channel;

/**
 * The child side of {@link ForkedSpeedUp}: opens the grader's channel before any comparison or student class is
 * loaded, rebuilds the comparison by class name and the check from its whole {@link Spec}, measures it, and sends
 * the verdict as one frame.
 *
 * <pre>
 * java FLAGS -cp CP org.vmaware.grader.timing.ForkedSpeedUpMain COMPARISON_CLASS SPEC_JSON_BASE64URL
 * </pre>
 */
public final class ForkedSpeedUpMain {

    private ForkedSpeedUpMain() {
    }

    public static void main(String[] args) {
        // first: after this, System.out is the capped output, and only the channel reaches the parent's verdict
        Channel.openInChild();
        if (args.length != 2) {
            Channel.send(ForkedSpeedUp.FAILURE_FRAME, "usage: ForkedSpeedUpMain CLASS SPEC");
            System.exit(2);
        }
        Spec spec;
        try {
            spec = Spec.fromJson(ForkedSpeedUp.decode(args[1]));
        } catch (RuntimeException e) {
            Channel.send(ForkedSpeedUp.FAILURE_FRAME, "unreadable check specification (" + e.getMessage() + ")");
            System.exit(2);
            return;
        }
        try {
            Comparison<?, ?> comparison = (Comparison<?, ?>) Class.forName(args[0]).getDeclaredConstructor().newInstance();
            Verdict verdict = comparison.speedUp(spec.name()).use(spec).measure();
            Channel.send(ForkedSpeedUp.VERDICT_FRAME, verdict.toJson());
            System.exit(0);
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException | ClassCastException e) {
            Channel.send(ForkedSpeedUp.FAILURE_FRAME, args[0] + " is not a public Comparison with a public"
                    + " no-argument constructor (" + e + ")");
            System.exit(1);
        } catch (AssertionError | IllegalStateException e) {
            Channel.send(ForkedSpeedUp.FAILURE_FRAME, String.valueOf(e.getMessage()).replace('\n', ' '));
            System.exit(1);
        }
    }
}
