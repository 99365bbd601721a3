package org.vmaware.lab01;

// Red team 15: the naive loop, each call's range split with a helper thread that spins beside it. 3b and 5b ask
// for the thread clock with 10 us batches; where the probed thread-clock step made them fall back to wall time,
// offloading was not judged, and the split passed both at 1.4x (engine 6.0.0, 1 grading in 3). Engine 6.1.0 judges
// offloading for every thread-clock check: the helper's CPU is the candidate's (SpeedUpTest$Offloading).

/** The starter's branchy loop, unchanged; each call's range is split with a helper thread that spins beside it. */
public final class Accumulators {

    private Accumulators() {
    }

    public static double sumOneAccumulator(double[] bytes, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += bytes[i];
        }
        return sum;
    }

    public static double sumFourAccumulators(double[] bytes, int from, int to) {
        return AccHelper.split(bytes, from, to);
    }
}

final class AccHelper implements Runnable {
    static final AccHelper INSTANCE = new AccHelper();
    volatile long seq;
    volatile long done;
    volatile long lastCall;
    volatile boolean awake;
    double[] arr;
    int from;
    int to;
    double result;
    private boolean started;

    static double split(double[] bytes, int from, int to) {
        return INSTANCE.run(bytes, from, to);
    }

    private synchronized void start() {
        if (!started) {
            started = true;
            Thread t = new Thread(this);
            t.setDaemon(true);
            t.start();
        }
    }

    double run(double[] bytes, int f, int t) {
        lastCall = System.nanoTime();
        if (!started) {
            start();
        }
        if (t - f < 512 || !awake) {
            return Accumulators.sumOneAccumulator(bytes, f, t);
        }
        int mid = (f + t) >>> 1;
        arr = bytes;
        from = mid;
        to = t;
        long s = seq + 1;
        seq = s;
        double mine = Accumulators.sumOneAccumulator(bytes, f, mid);
        while (done != s) {
            Thread.onSpinWait();
        }
        return mine + result;
    }

    @Override
    public void run() {
        long seen = 0;
        while (true) {
            if (System.nanoTime() - lastCall > 20_000_000L) {
                awake = false;
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            awake = true;
            long s = seq;
            if (s != seen) {
                result = Accumulators.sumOneAccumulator(arr, from, to);
                seen = s;
                done = s;
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
