package org.vmaware.lab03.grading;

import java.util.List;
import java.util.function.Function;

import org.vmaware.lab03.Concatenations;

/** The student's builder-style variants, each with the hint a student gets when it falls short. */
public enum Variant {
    STRING_BUILDER("StringBuilder", Concatenations::stringBuilder,
            "append every piece to one StringBuilder and call toString() once at the end"),
    PRESIZED_STRING_BUILDER("presized StringBuilder", Concatenations::presizedStringBuilder,
            "sum the pieces' lengths first, then new StringBuilder(total)"),
    STRING_JOIN("String.join", Concatenations::stringJoin, "String.join(\"\", pieces)"),
    STRING_FORMAT("String.format", Concatenations::stringFormat,
            "one String.format call: \"%s\".repeat(pieces.size()) as the format, pieces.toArray() as the arguments"),
    GENERATOR_JOINING("lazy stream + Collectors.joining", Concatenations::generatorJoining,
            "collect the stream with Collectors.joining(): reduce with + copies the whole string at every step"),
    COMMONS_JOIN("StringUtils.join", Concatenations::commonsJoin, "StringUtils.join(pieces, \"\")");

    private final String title;
    private final Function<List<String>, String> implementation;
    private final String hint;

    Variant(String title, Function<List<String>, String> implementation, String hint) {
        this.title = title;
        this.implementation = implementation;
        this.hint = hint;
    }

    public String title() {
        return title;
    }

    public String apply(List<String> pieces) {
        return implementation.apply(pieces);
    }

    public String hint() {
        return hint;
    }
}
