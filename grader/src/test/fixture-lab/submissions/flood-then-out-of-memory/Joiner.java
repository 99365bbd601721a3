package org.vmaware.lab00;

import java.util.ArrayList;
import java.util.List;

/** Attack x09's class: a flood of output first, so the out-of-memory line is far past the first kilobytes. */
public final class Joiner {
    public static String join(String[] pieces) {
        String line = "flood ".repeat(100);
        for (int i = 0; i < 20_000; i++) {
            System.out.println(line);
        }
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[1 << 16]);
        }
    }
}
