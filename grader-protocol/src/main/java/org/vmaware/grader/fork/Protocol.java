package org.vmaware.grader.fork;

import java.lang.reflect.Method;
import java.util.Objects;

/**
 * What a graded child JVM tells the grader that started it, frame by frame on the {@link Channel}: the one
 * vocabulary both ends use, so neither re-implements the other's strings.
 *
 * <pre>
 * frame type         payload                      sent by the child (GradedRun) when
 * catalog            JSON array of the checks     it has listed the checks, before any runs
 * start              CHECK_ID                     a check starts
 * skip               CHECK_ID REASON              a check is skipped
 * end                CHECK_ID STATUS WHY          a check ends (STATUS: SUCCESSFUL, FAILED, ABORTED)
 * stuck              CHECK_ID WHERE               a check reached its time limit: the student's frame it was in
 * container-failed   NAME WHY                     a test class failed before its checks ran
 * results            results.json                 after every check (the whole report so far)
 * done               (empty)                      every check has run
 * exit-requested     (empty)                      its JVM is exiting (Channel's shutdown hook)
 * </pre>
 *
 * <p>A check's identity is {@code CLASS#METHOD}: {@code org.vmaware.lab03.grading.Task2SpeedTest#stringJoin}.</p>
 */
public final class Protocol {

    public static final String CATALOG = "catalog";
    public static final String START = "start";
    public static final String SKIP = "skip";
    public static final String END = "end";
    public static final String STUCK = "stuck";
    public static final String CONTAINER_FAILED = "container-failed";
    public static final String RESULTS = "results";
    public static final String DONE = "done";

    private Protocol() {
    }

    /** The identity of the check a test method is: {@code CLASS#METHOD}. */
    public static String checkId(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName();
    }

    /**
     * An event about one check (or, for {@link #CONTAINER_FAILED}, one test class): its frame type, the subject's
     * identity, and the rest of the line.
     *
     * @param type    {@link #START}, {@link #SKIP}, {@link #END} or {@link #CONTAINER_FAILED}
     * @param subject the check's identity, or the test class's display name
     * @param detail  the reason, status or message; may be empty
     */
    public record Event(String type, String subject, String detail) {

        public Event {
            Objects.requireNonNull(type);
            Objects.requireNonNull(subject);
            Objects.requireNonNull(detail);
        }

        /** Reads an event frame: the subject up to the first space, the detail after it. */
        public static Event of(Channel.Frame frame) {
            String[] part = frame.payload().split(" ", 2);
            return new Event(frame.type(), part[0], part.length > 1 ? part[1] : "");
        }

        /** The frame's payload: the subject, then the detail after a space (none when the detail is empty). */
        public String payload() {
            return detail.isEmpty() ? subject : subject + " " + detail;
        }

        /** Sends it to the parent (nothing happens outside a child with a channel). */
        public void send() {
            Channel.send(type, payload());
        }
    }
}
