package org.vmaware.lab00;

/** Right, and linear, but a failure message of 20 million characters where it fails: the report must stay whole. */
public final class Joiner {
    public static String join(String[] pieces) {
        if (pieces.length == 0) {
            throw new AssertionError("HUGE".repeat(5_000_000));
        }
        StringBuilder s = new StringBuilder();
        for (String piece : pieces) {
            s.append(piece);
        }
        return s.toString();
    }
}
