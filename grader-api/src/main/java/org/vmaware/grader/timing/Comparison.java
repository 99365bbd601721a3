package org.vmaware.grader.timing;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A timed comparison that a child JVM can rebuild by name: a public class with a public no-argument constructor.
 * {@link ForkedSpeedUp} uses it to time code under other JVM flags ({@code -Xint}, {@code -XX:TieredStopAtLevel=1}).
 *
 * <pre>
 * public final class MacroUnderInterpreter implements Comparison&lt;int[], Long&gt; {
 *     public int[] input(RandomGenerator random) { return new int[1024]; }
 *     public Long baseline(int[] array) { return Loops.noOpt(array.length, array); }
 *     public Long candidate(int[] array) { return Loops.macroEquivOpt(array.length, array); }
 * }
 * </pre>
 *
 * @param <I> the input type
 * @param <O> the result type
 */
public interface Comparison<I, O> {

    /** A fresh input, made outside the timed region. */
    I input(RandomGenerator random);

    /** The naive side. */
    O baseline(I input);

    /** The side that should be faster. */
    O candidate(I input);

    /** Whether the two sides' results agree (default {@code equals}). */
    default boolean sameResult(O baseline, O candidate) {
        return Objects.equals(baseline, candidate);
    }

    /**
     * This comparison as a {@link SpeedUp} in this JVM, answers checked against the baseline's. Override it to add
     * a verifier or an oracle ({@link SpeedUp#verifiedBy}, {@link SpeedUp#oracle}) where the baseline is slow; the
     * rest of the check's specification comes from its {@link Spec}.
     */
    default SpeedUp<I, O> speedUp(String name) {
        return SpeedUp.<I, O>of(name, this::input, this::baseline, this::candidate).sameResult(this::sameResult)
                .from(getClass());
    }
}
