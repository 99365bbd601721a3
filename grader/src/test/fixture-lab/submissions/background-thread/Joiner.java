package org.vmaware.lab00;

import java.util.concurrent.locks.LockSupport;

/** Naive, plus a thread that thrashes memory whenever this code is not running: it slows the naive baseline. */
public final class Joiner {
    private static volatile boolean mine;
    private static Thread saboteur;

    public static String join(String[] pieces) {
        if (saboteur == null) {
            saboteur = new Thread(Joiner::sabotage, "saboteur");
            saboteur.setDaemon(true);
            saboteur.start();
        }
        mine = true;
        try {
            String s = "";
            for (String piece : pieces) {
                s += piece;
            }
            return s;
        } finally {
            mine = false;
        }
    }

    private static void sabotage() {
        long[] junk = new long[4 << 20];
        long i = 0;
        while (true) {
            if (mine) {
                LockSupport.parkNanos(50_000);
            } else {
                for (int k = 0; k < 4096; k++) {
                    junk[(int) ((i * 64 + k * 8) & (junk.length - 1))] += i;
                }
                i++;
            }
        }
    }
}
