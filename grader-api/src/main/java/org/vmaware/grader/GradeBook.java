package org.vmaware.grader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The graded checks of this JVM's run, and its ungraded observations. It only keeps them: after every change it
 * tells its {@link Listener}s, which the runtime registers through {@code META-INF/services} (the runtime's
 * listener writes {@code results.json} at once, or sends it to the command-line grader), so a crash later in the
 * run loses nothing already graded.
 */
public final class GradeBook {

    /**
     * Told of every change to the grade book, with the whole of it. Registered through {@link ServiceLoader}.
     */
    public interface Listener {

        /**
         * The results so far (in task order) and the observations so far.
         *
         * @param book the grade book, to read {@link #results()}, {@link #observations()} and
         *             {@link #elapsedSeconds()} from
         */
        void changed(GradeBook book);
    }

    private static final GradeBook INSTANCE = new GradeBook();

    private final List<CheckResult> results = new ArrayList<>();
    private final List<String> observations = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private List<Listener> listeners;

    private GradeBook() {
    }

    /** The grade book of this JVM. */
    public static GradeBook get() {
        return INSTANCE;
    }

    /** Adds a check's result (replacing an earlier one of the same check) and tells the listeners. */
    public synchronized void add(CheckResult result) {
        results.removeIf(r -> r.id().equals(result.id()));
        results.add(result);
        changed();
    }

    /**
     * Adds an ungraded observation (a measurement shown to students beside the score, worth no points), such as
     * the naive baseline's own growth from n to 2n.
     */
    public synchronized void observe(String line) {
        observations.add(line);
        changed();
    }

    /** The results so far, in task order. */
    public synchronized List<CheckResult> results() {
        List<CheckResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt(CheckResult::task).thenComparing(CheckResult::name));
        return sorted;
    }

    /** The observations so far, in the order they were made. */
    public synchronized List<String> observations() {
        return List.copyOf(observations);
    }

    /** Seconds since this JVM's grading began. */
    public long elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    /** Tells the listeners again, as at the end of a run. */
    public synchronized void changed() {
        if (listeners == null) {
            listeners = new ArrayList<>();
            ServiceLoader.load(Listener.class, GradeBook.class.getClassLoader()).forEach(listeners::add);
        }
        for (Listener listener : listeners) {
            listener.changed(this);
        }
    }
}
