package org.vmaware.lab03.grading;

import java.util.List;

/**
 * The naive side of every comparison, kept with the tests so that a submission cannot make it slower: the
 * lecture's {@code s += piece}.
 */
public final class Baselines {

    private Baselines() {
    }

    public static String plusLoop(List<String> pieces) {
        String s = "";
        for (String piece : pieces) {
            s += piece;
        }
        return s;
    }

    public static String repeatWithPlus(Repetition input) {
        String s = "";
        for (int i = 0; i < input.times(); i++) {
            s += input.piece();
        }
        return s;
    }
}
