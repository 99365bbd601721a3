package org.vmaware.lab00;

public final class Joiner {
    public static String join(String[] pieces) {
        long spins = 0;
        while (pieces != null) {
            spins++;
        }
        return String.valueOf(spins);
    }
}
