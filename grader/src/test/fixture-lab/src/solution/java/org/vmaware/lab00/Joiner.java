package org.vmaware.lab00;

/** The reference: one builder, linear. */
public final class Joiner {

    private Joiner() {
    }

    public static String join(String[] pieces) {
        StringBuilder s = new StringBuilder();
        for (String piece : pieces) {
            s.append(piece);
        }
        return s.toString();
    }
}
