package org.vmaware.lab01.grading;

import org.vmaware.grader.timing.Comparison;
import org.vmaware.lab01.SeedLoops;

/** The three rewrites of the lecture's loop. */
enum SeedLoop {
    REG_OPT("regOpt", SeedLoopComparison.RegOpt.class),
    UNROLL_OPT("unrollOpt", SeedLoopComparison.UnrollOpt.class),
    MACRO_EQUIV_OPT("macroEquivOpt", SeedLoopComparison.MacroEquivOpt.class);

    private final String title;
    private final Class<? extends Comparison<?, ?>> comparison;

    SeedLoop(String title, Class<? extends Comparison<?, ?>> comparison) {
        this.title = title;
        this.comparison = comparison;
    }

    String title() {
        return title;
    }

    Class<? extends Comparison<?, ?>> comparison() {
        return comparison;
    }

    long run(int arraySize, int[] theArray) {
        return switch (this) {
            case REG_OPT -> SeedLoops.regOpt(arraySize, theArray);
            case UNROLL_OPT -> SeedLoops.unrollOpt(arraySize, theArray);
            case MACRO_EQUIV_OPT -> SeedLoops.macroEquivOpt(arraySize, theArray);
        };
    }
}
