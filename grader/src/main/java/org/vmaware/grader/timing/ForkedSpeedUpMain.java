package org.vmaware.grader.timing;

import java.lang.reflect.InvocationTargetException;

/**
 * The child side of {@link ForkedSpeedUp}: rebuilds the comparison by class name, measures it, and prints the
 * verdict as one JSON line.
 *
 * <pre>
 * java FLAGS -cp CP org.vmaware.grader.timing.ForkedSpeedUpMain COMPARISON_CLASS NAME TARGET SEED HINT
 * </pre>
 */
public final class ForkedSpeedUpMain {

    private ForkedSpeedUpMain() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.out.println(ForkedSpeedUp.FAILURE_LINE + "usage: ForkedSpeedUpMain CLASS NAME TARGET SEED HINT");
            System.exit(2);
        }
        try {
            Comparison<?, ?> comparison = (Comparison<?, ?>) Class.forName(args[0]).getDeclaredConstructor().newInstance();
            Verdict verdict = comparison.speedUp(args[1]).atLeast(Double.parseDouble(args[2]))
                    .seed(Long.parseLong(args[3])).hint(args[4]).measure();
            System.out.println(ForkedSpeedUp.VERDICT_LINE + ForkedSpeedUp.write(verdict.toMap()));
            System.exit(0);
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException | ClassCastException e) {
            System.out.println(ForkedSpeedUp.FAILURE_LINE + args[0] + " is not a public Comparison with a public"
                    + " no-argument constructor (" + e + ")");
            System.exit(1);
        } catch (AssertionError e) {
            System.out.println(ForkedSpeedUp.FAILURE_LINE + String.valueOf(e.getMessage()).replace('\n', ' '));
            System.exit(1);
        }
    }
}
