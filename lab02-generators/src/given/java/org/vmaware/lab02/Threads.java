package org.vmaware.lab02;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Given (not a student file): starts the thread a generator's body runs on, a virtual thread where the JVM has
 * them (JDK 21 and later) and a daemon platform thread on 17.
 *
 * <p>The labs are compiled for Java 17, which has no {@code Thread.ofVirtual()}, so this class reaches it through
 * method handles. It is given because graded code may not use reflection (see the grader's threat model).</p>
 *
 * <pre>
 * Threads.start("generator-1", body)   a started thread running body
 * Threads.virtual()                     true on JDK 21+, false on 17
 * </pre>
 */
public final class Threads {

    private static final MethodHandle OF_VIRTUAL = find(true, "ofVirtual", null);
    private static final MethodHandle UNSTARTED = OF_VIRTUAL == null ? null
            : find(false, "unstarted", MethodType.methodType(Thread.class, Runnable.class));

    private Threads() {
    }

    /** Whether {@link #start} makes virtual threads (JDK 21 and later). */
    public static boolean virtual() {
        return UNSTARTED != null;
    }

    /**
     * Starts {@code task} on a new thread named {@code name}: virtual where the JVM has them, else a daemon platform
     * thread (a generator left running must not keep the JVM alive).
     */
    public static Thread start(String name, Runnable task) {
        Thread thread;
        if (UNSTARTED != null) {
            try {
                thread = (Thread) UNSTARTED.invoke(OF_VIRTUAL.invoke(), task);
            } catch (Throwable e) {
                throw new IllegalStateException("could not start a virtual thread", e);
            }
            thread.setName(name);
        } else {
            thread = new Thread(task, name);
            thread.setDaemon(true);
        }
        thread.start();
        return thread;
    }

    private static MethodHandle find(boolean onThread, String name, MethodType type) {
        try {
            if (onThread) {
                Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
                return MethodHandles.publicLookup().findStatic(Thread.class, name, MethodType.methodType(ofVirtual));
            }
            return MethodHandles.publicLookup().findVirtual(Class.forName("java.lang.Thread$Builder"), name, type);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
