package org.vmaware.lab01.grading;

import org.vmaware.grader.timing.Comparison;
import org.vmaware.lab01.SeedLoops;

/** The three rewrites of the lecture's loop, with what to tell a student whose rewrite is slow on a tier. */
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

    String hint(Tier tier) {
        if (this == MACRO_EQUIV_OPT && tier == Tier.INTERPRETER) {
            return "the interpreter pays for every call (a new frame, arguments, a return): write func's body in place"
                    + " of each call, keep the element in a local, and no inner loop";
        }
        if (this == MACRO_EQUIV_OPT) {
            return "keep the element in a local, write the five steps out, no call and no inner loop, and write the"
                    + " element back once";
        }
        return "keep the element in a local and write out the five calls func(0, x) ... func(4, x) with no inner loop:"
                + " C1 inlines the calls but neither unrolls the loop nor keeps theArray[idx] in a register";
    }
}
