package org.vmaware.lab00;

public final class Joiner {
    private static Thread forever;

    public static String join(String[] pieces) {
        if (forever == null) {
            forever = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        // never stop
                    }
                }
            }, "never-ends");
            forever.start();
        }
        StringBuilder s = new StringBuilder();
        for (String piece : pieces) {
            s.append(piece);
        }
        return s.toString();
    }
}
