package org.vmaware.lab03.grading;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.Allocation;
import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;

/**
 * Task 3: the bytes each variant allocates, which do not depend on the CPU or the load. {@code +=} must allocate
 * at least {@link Rubric#BYTES_RATIO_TARGET} times the variant's bytes at {@link Rubric#BYTES_PIECES} pieces, and
 * the variant's bytes must grow linearly: at most {@link Rubric#LINEAR_GROWTH_MAX} times from n to 2n.
 *
 * <p>Every call gets a fresh input, a new list of new random pieces (a cache keyed by the input, by identity or by
 * value, serves no call), and every result is checked: against {@code +=}'s for the same input, or by
 * {@link Pieces#isConcatenation}.</p>
 */
@DisplayName("Task 3: allocated bytes")
class Task3AllocationTest {

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL)
    @DisplayName("3a StringBuilder allocates linearly, far less than +=")
    void stringBuilder() {
        requireLinearBytes(Variant.STRING_BUILDER);
    }

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL)
    @DisplayName("3b presized StringBuilder allocates linearly, far less than +=")
    void presizedStringBuilder() {
        requireLinearBytes(Variant.PRESIZED_STRING_BUILDER);
    }

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL)
    @DisplayName("3c String.join allocates linearly, far less than +=")
    void stringJoin() {
        requireLinearBytes(Variant.STRING_JOIN);
    }

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL)
    @DisplayName("3d String.format allocates linearly, far less than +=")
    void stringFormat() {
        requireLinearBytes(Variant.STRING_FORMAT);
    }

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL)
    @DisplayName("3e lazy stream + joining allocates linearly, far less than +=")
    void generatorJoining() {
        requireLinearBytes(Variant.GENERATOR_JOINING);
    }

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL)
    @DisplayName("3f StringUtils.join allocates linearly, far less than +=")
    void commonsJoin() {
        requireLinearBytes(Variant.COMMONS_JOIN);
    }

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL)
    @DisplayName("3g String.repeat and StringUtils.repeat allocate linearly, far less than +=")
    void repeats() {
        SplittableRandom random = new SplittableRandom(GradingSettings.current().seedFor("repeat bytes"));
        // one shape (alphabet, piece length), a fresh piece for every call: alike in bytes, new in value
        Repetition shape = Pieces.repetition(random, Rubric.BYTES_PIECES);
        long seed = random.nextLong();
        for (RepeatVariant variant : RepeatVariant.values()) {
            Allocation.requireAtMostFractionOf(variant.title(),
                    i -> Pieces.repetitionLike(shape, new SplittableRandom(seed + i)), Baselines::repeatWithPlus,
                    variant::apply, Rubric.BYTES_RATIO_TARGET, variant.hint());
            Allocation.requireGrowth(variant.title(), (n, i) -> Pieces.repetitionLike(new Repetition(shape.piece(), n),
                    new SplittableRandom(seed + 1000 + i)), variant::apply, Pieces::isRepetition, Rubric.GROWTH_PIECES,
                    0, Rubric.LINEAR_GROWTH_MAX, variant.hint());
        }
    }

    /**
     * {@code +=} on the inputs every variant is compared on, measured once per JVM: at 10,000 pieces its ten calls
     * cost about half a second, which six checks would otherwise pay six times. Each call still gets a fresh input
     * (a new list of new pieces), for {@code +=} and for every variant alike.
     */
    private static Allocation.Measured plusBytes;

    private static synchronized Allocation.Measured plusBytes(IntFunction<List<String>> inputs) {
        if (plusBytes == null) {
            plusBytes = Allocation.measure("+= (baseline)", inputs, Baselines::plusLoop);
        }
        return plusBytes;
    }

    private static void requireLinearBytes(Variant variant) {
        SplittableRandom random = new SplittableRandom(GradingSettings.current().seedFor("concatenation bytes"));
        long seed = random.nextLong();
        IntFunction<List<String>> inputs = i -> Pieces.random(new SplittableRandom(seed + i), Rubric.BYTES_PIECES);
        Allocation.requireAtMostFractionOf(variant.title(), inputs, plusBytes(inputs), variant::apply,
                Rubric.BYTES_RATIO_TARGET, variant.hint());
        Allocation.requireGrowth(variant.title(), (n, i) -> Pieces.random(new SplittableRandom(seed + 1000 + i), n),
                variant::apply, Pieces::isConcatenation, Rubric.GROWTH_PIECES, 0, Rubric.LINEAR_GROWTH_MAX,
                variant.hint());
    }
}
