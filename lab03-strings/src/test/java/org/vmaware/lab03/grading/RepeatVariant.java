package org.vmaware.lab03.grading;

import org.vmaware.lab03.Concatenations;

/** The student's variants for the lecture's own workload, one piece repeated. */
public enum RepeatVariant {
    STRING_REPEAT("String.repeat"),
    COMMONS_REPEAT("StringUtils.repeat");

    private final String title;

    RepeatVariant(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String apply(Repetition input) {
        return this == STRING_REPEAT ? Concatenations.repeatString(input.piece(), input.times())
                : Concatenations.repeatCommons(input.piece(), input.times());
    }
}
