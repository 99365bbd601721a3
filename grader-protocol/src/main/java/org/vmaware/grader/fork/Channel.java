package org.vmaware.grader.fork;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one channel from a child JVM to the parent that started it: length-prefixed frames on the child's stdout,
 * each tagged with a secret the parent sends on the child's stdin.
 *
 * <p>Java gives a child process only its three standard streams, and the code under test shares them with the
 * grader's code in the child. So the child reads the secret from stdin before any test or student class is
 * loaded, keeps stdout for frames, and points {@code System.out} and {@code System.err} at stderr, which the
 * parent drains apart and caps. A line the code under test gets onto stdout anyway carries no secret and is
 * dropped.</p>
 *
 * <pre>
 * frame on stdout:   "\n@@F " SECRET " " TYPE " " LENGTH "\n" PAYLOAD(LENGTH bytes of UTF-8)
 *
 * child:   Channel.openInChild();              // first thing in main()
 *          Channel.send("verdict", json);
 * parent:  ForkedJvm.main(cls).channel(frame -> ...).run();
 * </pre>
 *
 * <p>The secret proves a frame came from the grader's code only as far as the class-file policy keeps student
 * code from reading the grader's fields; the threat model says so.</p>
 */
public final class Channel {

    /** Frame type the child sends from a shutdown hook: its exit was asked for (System.exit, or main's end). */
    public static final String EXIT_REQUESTED = "exit-requested";

    private static final Pattern HEADER = Pattern.compile("@@F ([0-9a-f]{32}) ([A-Za-z0-9_.-]{1,40}) ([0-9]{1,9})");
    /** The longest frame a parent reads. */
    public static final int MAX_FRAME_BYTES = 64 << 20;

    private static volatile ChildEnd child;

    private Channel() {
    }

    /**
     * One message from the child.
     *
     * @param type    what it is ({@code start}, {@code end}, {@code result}, {@code verdict}, ...)
     * @param payload its text, usually JSON
     */
    public record Frame(String type, String payload) {
        public Frame {
            Objects.requireNonNull(type);
            Objects.requireNonNull(payload);
        }
    }

    /** A fresh secret for one child: 128 random bits in hex. */
    static String newSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The child side, first thing in {@code main}: reads the secret from stdin, keeps stdout for frames, points
     * {@code System.out} and {@code System.err} at stderr, and sends {@link #EXIT_REQUESTED} from a shutdown hook.
     *
     * @throws IllegalStateException if stdin holds no secret (the JVM was not started with a channel)
     */
    public static synchronized void openInChild() {
        if (child != null) {
            return;
        }
        String secret = readSecret(System.in);
        PrintStream toStderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        ChildEnd end = new ChildEnd(secret, new FileOutputStream(FileDescriptor.out));
        System.setOut(toStderr);
        System.setErr(toStderr);
        child = end;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> send(EXIT_REQUESTED, ""), "channel-exit"));
    }

    /** Whether this JVM is a child with an open channel. */
    public static boolean isOpen() {
        return child != null;
    }

    /**
     * Sends one frame to the parent; does nothing where no channel is open (a test run straight under Maven).
     *
     * @param type    the frame's type
     * @param payload its text
     */
    public static void send(String type, String payload) {
        ChildEnd end = child;
        if (end != null) {
            end.send(type, payload);
        }
    }

    private static String readSecret(InputStream in) {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != -1 && b != '\n'; ) {
                if (line.size() > 64) {
                    break;
                }
                line.write(b);
            }
            String secret = line.toString(StandardCharsets.US_ASCII).strip();
            if (!secret.matches("[0-9a-f]{32}")) {
                throw new IllegalStateException("no channel secret on stdin: start this class with"
                        + " ForkedJvm.channel(...)");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The parent side: reads frames from the child's stdout until it closes, hands each tagged frame to
     * {@code frames}, and drops everything else.
     *
     * @return the number of bytes dropped (untagged lines, frames with a wrong secret)
     */
    static long read(InputStream stdout, String secret, Consumer<Frame> frames) throws IOException {
        long dropped = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = stdout.read()) != -1; ) {
            if (b != '\n') {
                if (line.size() < 256) {
                    line.write(b);
                } else {
                    dropped++;
                }
                continue;
            }
            String text = line.toString(StandardCharsets.US_ASCII);
            line.reset();
            Matcher header = HEADER.matcher(text);
            if (!header.matches() || !header.group(1).equals(secret)) {
                dropped += text.length() + 1L;
                continue;
            }
            int length = Integer.parseInt(header.group(3));
            if (length > MAX_FRAME_BYTES) {
                dropped += text.length() + 1L;
                continue;
            }
            byte[] payload = stdout.readNBytes(length);
            if (payload.length < length) {
                break; // the child died mid-frame: a cut frame is no frame
            }
            frames.accept(new Frame(header.group(2), new String(payload, StandardCharsets.UTF_8)));
        }
        return dropped;
    }

    /** The child's end: the real stdout and the secret. */
    private static final class ChildEnd {
        private final String secret;
        private final OutputStream out;

        ChildEnd(String secret, OutputStream out) {
            this.secret = secret;
            this.out = out;
        }

        synchronized void send(String type, String payload) {
            byte[] body = payload.getBytes(StandardCharsets.UTF_8);
            String header = "\n@@F " + secret + " " + type + " " + body.length + "\n";
            try {
                out.write(header.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // the parent is gone: nobody is left to read the frame
            }
        }
    }
}
