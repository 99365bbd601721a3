package org.vmaware.lab03.grading;

import java.util.List;
import java.util.function.Function;

import org.vmaware.lab03.Concatenations;

/** The student's builder-style variants. */
public enum Variant {
    STRING_BUILDER("StringBuilder", Concatenations::stringBuilder),
    PRESIZED_STRING_BUILDER("presized StringBuilder", Concatenations::presizedStringBuilder),
    STRING_JOIN("String.join", Concatenations::stringJoin),
    STRING_FORMAT("String.format", Concatenations::stringFormat),
    GENERATOR_JOINING("lazy stream + Collectors.joining", Concatenations::generatorJoining),
    COMMONS_JOIN("StringUtils.join", Concatenations::commonsJoin);

    private final String title;
    private final Function<List<String>, String> implementation;

    Variant(String title, Function<List<String>, String> implementation) {
        this.title = title;
        this.implementation = implementation;
    }

    public String title() {
        return title;
    }

    public String apply(List<String> pieces) {
        return implementation.apply(pieces);
    }
}
