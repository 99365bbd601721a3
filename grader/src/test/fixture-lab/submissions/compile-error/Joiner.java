package org.vmaware.lab00;

public final class Joiner {
    public static String join(String[] pieces) {
        StringBuilder s = new StringBuilder()
        for (String piece : pieces) {
            s.append(piece);
        }
        return s.toString();
    }
}
