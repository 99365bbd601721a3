package org.vmaware.lab00;

import java.util.ArrayList;
import java.util.List;

public final class Joiner {
    public static String join(String[] pieces) {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[1 << 20]);
        }
    }
}
