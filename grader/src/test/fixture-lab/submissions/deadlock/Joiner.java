package org.vmaware.lab00;

import java.util.concurrent.CountDownLatch;

public final class Joiner {
    public static String join(String[] pieces) {
        Object a = new Object();
        Object b = new Object();
        CountDownLatch both = new CountDownLatch(2);
        Thread first = new Thread(() -> lock(a, b, both));
        Thread second = new Thread(() -> lock(b, a, both));
        first.start();
        second.start();
        try {
            first.join();
            second.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return String.join("", pieces);
    }

    private static void lock(Object one, Object two, CountDownLatch both) {
        synchronized (one) {
            both.countDown();
            try {
                both.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (two) {
                both.countDown();
            }
        }
    }
}
