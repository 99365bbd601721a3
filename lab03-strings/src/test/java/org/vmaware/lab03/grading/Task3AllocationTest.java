package org.vmaware.lab03.grading;

import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.DisplayName;

import org.vmaware.grader.CheckKind;
import org.vmaware.grader.Expect;
import org.vmaware.grader.Graded;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Hints;
import org.vmaware.grader.KeyedRandom;
import org.vmaware.grader.timing.Allocation;

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

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL,
            calls = "Concatenations#stringBuilder")
    @DisplayName("3a StringBuilder allocates linearly, far less than +=")
    void stringBuilder() {
        requireLinearBytes(Variant.STRING_BUILDER, Hints.forCheck("3a"));
    }

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL,
            calls = "Concatenations#presizedStringBuilder")
    @DisplayName("3b presized StringBuilder allocates linearly, far less than +=")
    void presizedStringBuilder() {
        requireLinearBytes(Variant.PRESIZED_STRING_BUILDER, Hints.forCheck("3b"));
    }

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL,
            calls = "Concatenations#stringJoin")
    @DisplayName("3c String.join allocates linearly, far less than +=")
    void stringJoin() {
        requireLinearBytes(Variant.STRING_JOIN, Hints.forCheck("3c"));
    }

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL,
            calls = "Concatenations#stringFormat")
    @DisplayName("3d String.format allocates linearly, far less than +=")
    void stringFormat() {
        requireLinearBytes(Variant.STRING_FORMAT, Hints.forCheck("3d"));
    }

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL,
            calls = "Concatenations#generatorJoining")
    @DisplayName("3e lazy stream + joining allocates linearly, far less than +=")
    void generatorJoining() {
        requireLinearBytes(Variant.GENERATOR_JOINING, Hints.forCheck("3e"));
    }

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL,
            calls = "Concatenations#commonsJoin")
    @DisplayName("3f StringUtils.join allocates linearly, far less than +=")
    void commonsJoin() {
        requireLinearBytes(Variant.COMMONS_JOIN, Hints.forCheck("3f"));
    }

    @Graded(task = 3, points = Rubric.ALLOCATION_POINTS, kind = CheckKind.DETERMINISTIC, starter = Expect.FAIL,
            calls = {"Concatenations#repeatString", "Concatenations#repeatCommons"})
    @DisplayName("3g String.repeat and StringUtils.repeat allocate linearly, far less than +=")
    void repeats() {
        RandomGenerator random = GradingSettings.current().random("repeat bytes");
        // one shape (alphabet, piece length), a fresh piece for every call: alike in bytes, new in value
        Repetition shape = Pieces.repetition(random, Rubric.BYTES_PIECES);
        KeyedRandom calls = GradingSettings.current().random("repeat bytes calls");
        String hint = Hints.forCheck("3g");
        for (RepeatVariant variant : RepeatVariant.values()) {
            Allocation.requireAtMostFractionOf(variant.title(),
                    i -> Pieces.repetitionLike(shape, calls.child(i)), Baselines::repeatWithPlus,
                    variant::apply, Rubric.BYTES_RATIO_TARGET, hint);
            Allocation.requireGrowth(variant.title(), (n, i) -> Pieces.repetitionLike(new Repetition(shape.piece(), n),
                    calls.child(1000 + i)), variant::apply, Pieces::isRepetition, Rubric.GROWTH_PIECES,
                    0, Rubric.LINEAR_GROWTH_MAX, hint);
        }
    }

    /**
     * {@code +=}'s bytes per call on inputs of one shape, measured once per JVM: at 10,000 pieces its ten calls cost
     * about half a second, which six checks would otherwise pay six times. Its bytes depend on the pieces' lengths
     * and how each is stored (Latin-1 or UTF-16), not on their values, so every check then times its variant on
     * inputs of that shape with values of its own ({@link Pieces#like}), checked by {@link Pieces#isConcatenation}:
     * no input value repeats from one check to the next, and no cache keyed by value serves one.
     */
    private static Allocation.Measured plusBytes;

    private static synchronized Allocation.Measured plusBytes(List<String> shape, KeyedRandom calls) {
        if (plusBytes == null) {
            plusBytes = Allocation.measure("+= (baseline)", i -> Pieces.like(shape, calls.child(i)),
                    Baselines::plusLoop);
        }
        return plusBytes;
    }

    private static void requireLinearBytes(Variant variant, String hint) {
        GradingSettings settings = GradingSettings.current();
        KeyedRandom shapes = settings.random("concatenation bytes");
        List<String> shape = Pieces.random(shapes, Rubric.BYTES_PIECES);
        Allocation.Measured plus = plusBytes(shape, shapes.child("+= calls"));
        KeyedRandom calls = settings.random(variant.name() + " bytes");
        Allocation.requireAtMostFractionOf(variant.title(), i -> Pieces.like(shape, calls.child(i)),
                plus, variant::apply, Pieces::isConcatenation, Rubric.BYTES_RATIO_TARGET, hint);
        Allocation.requireGrowth(variant.title(), (n, i) -> Pieces.random(calls.child(1000 + i), n),
                variant::apply, Pieces::isConcatenation, Rubric.GROWTH_PIECES, 0, Rubric.LINEAR_GROWTH_MAX,
                hint);
    }
}
