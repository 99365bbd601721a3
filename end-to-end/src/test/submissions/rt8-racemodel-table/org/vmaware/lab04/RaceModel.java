package org.vmaware.lab04;

import java.util.Map;
import java.util.TreeMap;

/** Red team 8, attack a2: no search at all, a table for the refcount race of 1 to 4 threads (every thread adding 1). */
public final class RaceModel {

    private RaceModel() {
    }

    public static Map<Long, Long> outcomes(long... adds) {
        int threads = adds.length;
        Map<Long, Long> m = new TreeMap<>();
        switch (threads) {
            case 1 -> m.put(1L, 1L);
            case 2 -> { m.put(1L, 18L); m.put(2L, 2L); }
            case 3 -> { m.put(1L, 1404L); m.put(2L, 270L); m.put(3L, 6L); }
            case 4 -> { m.put(1L, 291600L); m.put(2L, 74952L); m.put(3L, 3024L); m.put(4L, 24L); }
            default -> throw new UnsupportedOperationException("not in the table");
        }
        return m;
    }
}
