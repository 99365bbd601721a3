package org.vmaware.lab03.grading;

import org.vmaware.lab03.Concatenations;

/** The student's variants for the lecture's own workload, one piece repeated. */
public enum RepeatVariant {
    STRING_REPEAT("String.repeat", "piece.repeat(times)"),
    COMMONS_REPEAT("StringUtils.repeat", "StringUtils.repeat(piece, times)");

    private final String title;
    private final String hint;

    RepeatVariant(String title, String hint) {
        this.title = title;
        this.hint = hint;
    }

    public String title() {
        return title;
    }

    public String hint() {
        return hint;
    }

    public String apply(Repetition input) {
        return this == STRING_REPEAT ? Concatenations.repeatString(input.piece(), input.times())
                : Concatenations.repeatCommons(input.piece(), input.times());
    }
}
