package org.vmaware.lab01.grading;

import java.util.List;

/** The HotSpot execution tiers this lab compares, as the flags of a child JVM. */
enum Tier {
    INTERPRETER("the interpreter (-Xint)", "-Xint"),
    C1("C1 only (-XX:TieredStopAtLevel=1)", "-XX:TieredStopAtLevel=1"),
    C2("C2 (the default, tiered)");

    private final String title;
    private final List<String> flags;

    Tier(String title, String... flags) {
        this.title = title;
        this.flags = List.of(flags);
    }

    String title() {
        return title;
    }

    String[] flags() {
        return flags.toArray(String[]::new);
    }
}
