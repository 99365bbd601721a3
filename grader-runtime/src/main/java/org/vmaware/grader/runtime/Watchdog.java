package org.vmaware.grader.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.vmaware.grader.fork.Protocol;

/**
 * Says where a check was when it reached its time limit, before the supervisor kills this JVM: the innermost frame
 * of the student's own code on the thread that runs the check ("Concatenations.presizedStringBuilder
 * (Concatenations.java:49)"), as a {@link Protocol#STUCK} event. Frames of the tests, the grader and the JDK are
 * left out: a student sees their own line, never the tests' internals.
 *
 * <p>Its one thread starts before any check runs, so no check's timing sees a thread start; it sleeps until a limit
 * is reached. The settings come from the supervisor: {@code grade.checkSeconds} (0 or absent: no watchdog) and
 * {@code grade.checkLimits} (each check's own), and {@code grade.studentClasses}, the directory of the student's compiled classes.</p>
 */
final class Watchdog {

    /** Where an event goes: the runner's event log. */
    @FunctionalInterface
    interface Events {
        void event(String type, String subject, String detail);
    }

    private static final long LIMIT_SECONDS = Long.getLong("grade.checkSeconds", 0);
    /** Each check's own limit where the supervisor has one: {@code ID=SECONDS,ID=SECONDS}. */
    private static final java.util.Map<String, Long> LIMITS = limits(System.getProperty("grade.checkLimits", ""));
    private static final Path STUDENT_CLASSES = Path.of(System.getProperty("grade.studentClasses", ""));
    private static ScheduledExecutorService timer;
    private static ScheduledFuture<?> pending;

    private Watchdog() {
    }

    /** Starts the watchdog's thread, if there is a limit to watch; call it before any check runs. */
    static synchronized void start() {
        if (LIMIT_SECONDS > 0 && timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "grader-watchdog");
                thread.setDaemon(true);
                return thread;
            });
            timer.schedule(() -> { }, 0, TimeUnit.SECONDS); // the thread starts now, not in a check
        }
    }

    /** Watches the check {@code id}, which runs on {@code thread}, until {@link #stop}. */
    static synchronized void watch(String id, Thread thread, Events events) {
        stop();
        if (timer != null) {
            pending = timer.schedule(() -> events.event(Protocol.STUCK, id, where(thread)),
                    LIMITS.getOrDefault(id, LIMIT_SECONDS), TimeUnit.SECONDS);
        }
    }

    static synchronized void stop() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private static java.util.Map<String, Long> limits(String text) {
        java.util.Map<String, Long> limits = new java.util.HashMap<>();
        for (String entry : text.split(",")) {
            int equals = entry.lastIndexOf('=');
            if (equals > 0) {
                limits.put(entry.substring(0, equals), Long.parseLong(entry.substring(equals + 1)));
            }
        }
        return limits;
    }

    /** The innermost frame of the student's code on {@code thread}, or "" when it is in none. */
    static String where(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            String name = frame.getClassName();
            if (Files.isRegularFile(STUDENT_CLASSES.resolve(name.replace('.', '/') + ".class"))) {
                String simple = name.substring(name.lastIndexOf('.') + 1);
                return simple + "." + frame.getMethodName() + " (" + frame.getFileName() + ":" + frame.getLineNumber()
                        + ")";
            }
        }
        return "";
    }
}
