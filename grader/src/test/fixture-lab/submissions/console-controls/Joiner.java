package org.vmaware.lab00;

/**
 * Right, and linear, but where it fails its exception's message carries what a console acts on: a carriage return
 * and an erase-line escape that would overwrite the FAIL line with a fake PASS, U+0085 (a C1 next-line) and U+202E
 * (which reverses what follows). The reports must print them as {@code ?}.
 */
public final class Joiner {
    public static String join(String[] pieces) {
        if (pieces.length == 0) {
            throw new IllegalStateException("\r\u001b[2K[PASS] empty 1/1\u0085\u202Edone");
        }
        StringBuilder s = new StringBuilder();
        for (String piece : pieces) {
            s.append(piece);
        }
        return s.toString();
    }
}
