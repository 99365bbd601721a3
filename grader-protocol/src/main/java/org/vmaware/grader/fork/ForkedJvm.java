package org.vmaware.grader.fork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a class in a child JVM, for checks that need other JVM flags ({@code -Xint},
 * {@code -XX:TieredStopAtLevel=1}, {@code -Xmx64m}) or a process boundary.
 *
 * <pre>
 * ForkedJvm.Result r = ForkedJvm.main("org.example.Probe").flags("-Xint").args("1024")
 *         .timeout(Duration.ofSeconds(30)).run();
 * r.exitCode();   // 0
 * r.output();     // stdout and stderr together, at most outputLimit bytes
 * </pre>
 *
 * <p>The child is the running JVM's own {@code java.home}/bin/java, with this JVM's class path unless told
 * otherwise. Its output is drained as it comes (a full pipe would block it) and capped; past the time limit
 * the child and its descendants are killed.</p>
 */
public final class ForkedJvm {

    private final String mainClass;
    private final List<String> flags = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private String classpath = System.getProperty("java.class.path");
    private Duration timeout = Duration.ofMinutes(2);
    private int outputLimit = 1 << 20;
    private Consumer<String> echo;
    private Path workingDirectory;
    private Consumer<Channel.Frame> frames;
    private Map<String, String> environment;
    private final List<String> launcher = new ArrayList<>();

    private ForkedJvm(String mainClass) {
        this.mainClass = Objects.requireNonNull(mainClass);
    }

    /** A child JVM that runs {@code mainClass}. */
    public static ForkedJvm main(String mainClass) {
        return new ForkedJvm(mainClass);
    }

    public ForkedJvm flags(String... jvmFlags) {
        flags.addAll(List.of(jvmFlags));
        return this;
    }

    public ForkedJvm flags(List<String> jvmFlags) {
        flags.addAll(jvmFlags);
        return this;
    }

    public ForkedJvm args(String... programArgs) {
        args.addAll(List.of(programArgs));
        return this;
    }

    public ForkedJvm args(List<String> programArgs) {
        args.addAll(programArgs);
        return this;
    }

    public ForkedJvm classpath(String path) {
        classpath = Objects.requireNonNull(path);
        return this;
    }

    public ForkedJvm timeout(Duration limit) {
        timeout = Objects.requireNonNull(limit);
        return this;
    }

    /** Keep at most this many bytes of output; the rest is counted and dropped. */
    public ForkedJvm outputLimit(int bytes) {
        outputLimit = bytes;
        return this;
    }

    /** Also hand every line of output, as it comes, to this consumer (kept lines only). */
    public ForkedJvm echo(Consumer<String> lines) {
        echo = lines;
        return this;
    }

    public ForkedJvm workingDirectory(Path dir) {
        workingDirectory = dir;
        return this;
    }

    /**
     * Opens the grader's {@link Channel} to the child: a fresh secret goes to its stdin, its stdout carries only
     * tagged frames (handed to {@code consumer} on a drain thread), and its stderr is the capped output. The
     * child's main must call {@link Channel#openInChild()} first.
     */
    public ForkedJvm channel(Consumer<Channel.Frame> consumer) {
        frames = Objects.requireNonNull(consumer);
        return this;
    }

    /** Replaces the child's whole environment (by default it inherits this JVM's). */
    public ForkedJvm environment(Map<String, String> variables) {
        environment = Map.copyOf(variables);
        return this;
    }

    /** A command the java executable is started through, such as {@code setpriv --reuid=N ...} or {@code bwrap ...}. */
    public ForkedJvm launcher(List<String> prefix) {
        launcher.addAll(prefix);
        return this;
    }

    /** The java executable of the running JVM. */
    public static Path javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /** Starts the child, waits for it within the time limit, and returns what happened. */
    public Result run() {
        Running running = start();
        try {
            boolean finished = running.waitFor(timeout);
            if (!finished) {
                running.kill();
            }
            return running.result(!finished);
        } catch (InterruptedException e) {
            running.kill();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a forked JVM", e);
        }
    }

    /**
     * Starts the child and returns at once, for a parent that watches it (a per-check time limit); its output is
     * drained and capped as with {@link #run()}. The caller must {@link Running#kill()} it or wait for it.
     */
    public Running start() {
        List<String> command = new ArrayList<>(launcher);
        command.add(javaExecutable().toString());
        command.addAll(flags);
        Path argFile = null;
        try {
            if (classpath != null && !classpath.isEmpty()) {
                // An argument file keeps long class paths under the OS's command-line limit.
                argFile = workingDirectory == null ? Files.createTempFile("forked-jvm", ".args")
                        : Files.createTempFile(workingDirectory, "forked-jvm", ".args");
                Files.writeString(argFile, "-cp\n\"" + classpath.replace("\\", "\\\\") + "\"\n");
                if (argFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    // a child started as another user (the grader's sandbox) reads it too; it holds only the class path
                    Files.setPosixFilePermissions(argFile, PosixFilePermissions.fromString("rw-r--r--"));
                }
                command.add("@" + argFile);
            }
            command.add(mainClass);
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(frames == null);
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            if (environment != null) {
                builder.environment().clear();
                builder.environment().putAll(environment);
            }
            long start = System.nanoTime();
            Process process = builder.start();
            Thread frameReader = null;
            if (frames != null) {
                String secret = Channel.newSecret();
                try (var stdin = process.getOutputStream()) {
                    stdin.write((secret + "\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the child died before reading its secret: its exit status says why
                }
                Consumer<Channel.Frame> consumer = frames;
                frameReader = new Thread(() -> {
                    try (InputStream stdout = process.getInputStream()) {
                        Channel.read(stdout, secret, consumer);
                    } catch (IOException e) {
                        // the child closed its stdout
                    }
                }, "forked-jvm-frames");
                frameReader.setDaemon(true);
                frameReader.start();
            } else {
                process.getOutputStream().close();
            }
            Drain drain = new Drain(frames == null ? process.getInputStream() : process.getErrorStream(), outputLimit, echo);
            Thread drainer = new Thread(drain, "forked-jvm-drain");
            drainer.setDaemon(true);
            drainer.start();
            return new Running(process, drain, drainer, frameReader, start, argFile);
        } catch (IOException e) {
            deleteQuietly(argFile);
            throw new UncheckedIOException("could not start " + command.get(0), e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** A child JVM that is running, or has ended and not yet been read. */
    public static final class Running {
        private final Process process;
        private final Drain drain;
        private final Thread drainer;
        private final Thread frameReader;
        private final long startNanos;
        private final Path argFile;

        private Running(Process process, Drain drain, Thread drainer, Thread frameReader, long startNanos,
                Path argFile) {
            this.process = process;
            this.drain = drain;
            this.drainer = drainer;
            this.frameReader = frameReader;
            this.startNanos = startNanos;
            this.argFile = argFile;
        }

        public boolean alive() {
            return process.isAlive();
        }

        /** Waits (a few seconds at most) until every frame the ended child sent has been handed over. */
        public void awaitOutput() throws InterruptedException {
            if (frameReader != null) {
                frameReader.join(5_000);
            }
        }

        /** The child's process id. */
        public long pid() {
            return process.pid();
        }

        /** Waits up to {@code limit} for the child to end; true if it did. */
        public boolean waitFor(Duration limit) throws InterruptedException {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Kills the child and every process it started. */
        public void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** What happened, once the child has ended (or was killed: then {@code killed} is true). */
        public Result result(boolean killed) {
            try {
                drainer.join(5_000);
                if (frameReader != null) {
                    frameReader.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteQuietly(argFile);
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            int exit = process.isAlive() ? -1 : process.exitValue();
            return new Result(killed ? -1 : exit, killed, drain.text(), drain.dropped(), millis);
        }
    }

    /**
     * What a child JVM did.
     *
     * @param exitCode      its exit status, -1 if it was killed at the time limit
     * @param timedOut      whether it ran past the limit
     * @param output        its stdout and stderr, capped
     * @param droppedBytes  output past the cap, counted and dropped
     * @param millis        wall time it ran
     */
    public record Result(int exitCode, boolean timedOut, String output, long droppedBytes, long millis) {

        /** Whether it ended by itself with status 0. */
        public boolean ok() {
            return !timedOut && exitCode == 0;
        }
    }

    /**
     * Drains a child's output and keeps its head and its tail, half the limit each: the first lines say what
     * started, the last ones why it ended (an out-of-memory line after a flood of output, say).
     */
    private static final class Drain implements Runnable {
        private final InputStream in;
        private final int headLimit;
        private final int tailLimit;
        private final Consumer<String> echo;
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private final byte[] tail;
        private int tailStart;
        private int tailSize;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long total;

        Drain(InputStream in, int limit, Consumer<String> echo) {
            this.in = in;
            this.headLimit = limit - limit / 2;
            this.tailLimit = limit / 2;
            this.tail = new byte[tailLimit];
            this.echo = echo;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (this) {
                        int toHead = (int) Math.max(0, Math.min(n, (long) headLimit - head.size()));
                        head.write(buffer, 0, toHead);
                        for (int i = toHead; i < n && tailLimit > 0; i++) {
                            tail[(tailStart + tailSize) % tailLimit] = buffer[i];
                            if (tailSize < tailLimit) {
                                tailSize++;
                            } else {
                                tailStart = (tailStart + 1) % tailLimit;
                            }
                        }
                        total += n;
                        if (echo != null) {
                            echoLines(buffer, toHead);
                        }
                    }
                }
            } catch (IOException e) {
                // the child closed its output: nothing more to read
            }
            if (echo != null && line.size() > 0) {
                echo.accept(line.toString(StandardCharsets.UTF_8));
            }
        }

        private void echoLines(byte[] buffer, int count) {
            for (int i = 0; i < count; i++) {
                if (buffer[i] == '\n') {
                    echo.accept(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(buffer[i]);
                }
            }
        }

        synchronized long dropped() {
            return total - head.size() - tailSize;
        }

        synchronized String text() {
            String first = head.toString(StandardCharsets.UTF_8);
            if (tailSize == 0) {
                return first;
            }
            byte[] last = new byte[tailSize];
            for (int i = 0; i < tailSize; i++) {
                last[i] = tail[(tailStart + i) % tailLimit];
            }
            long dropped = dropped();
            return first + (dropped > 0 ? String.format(Locale.ROOT, "%n[... %,d bytes dropped ...]%n", dropped) : "")
                    + new String(last, StandardCharsets.UTF_8);
        }
    }
}
