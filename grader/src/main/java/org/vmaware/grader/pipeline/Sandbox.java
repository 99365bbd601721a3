package org.vmaware.grader.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The operating system's boundary below the class-file policy: what still holds for a grade when the policy
 * misses something. The child JVMs run in a fresh work folder; where the grader runs as root on Linux (Gradescope,
 * Docker CI), they run as a uid of their own, so they cannot read the reference solution, other submissions or the
 * report folder, cannot write anything the parent reads, and cannot outlive their check: every process of that
 * uid is killed after each child JVM.
 *
 * <pre>
 * setting                          boundary                what the child cannot do when the policy misses
 * root on Linux (Gradescope, CI)    separate uid            read 0700 folders, write the grader's files, outlive
 *                                                           a check
 *   ... where bubblewrap runs       separate uid + bwrap    and see any file but the system's and its work folder,
 *                                                           or the network
 * a normal user, bubblewrap runs    bwrap                   see any file but the system's and its work folder, the
 *                                                           network, or outlive its JVM
 * anything else                     policy only             (the class-file policy alone; descendants are killed)
 * </pre>
 *
 * <p>Namespaces need {@code CAP_SYS_ADMIN} or unprivileged user namespaces, which root inside Docker lacks, so
 * bubblewrap is used only where a trial run of it works. The threat model ({@code docs/threat-model.md}) says what
 * each setting stops and what it does not.</p>
 */
final class Sandbox implements AutoCloseable {

    /** The reserved uid range: one uid per concurrent grading, never a real user's, never {@code nobody}. */
    static final int FIRST_UID = 61_000;
    static final int UIDS = 1_000;
    private static final String BWRAP = "/usr/bin/bwrap";

    private final String kind;
    private final int uid;
    /** Whether the child also runs in bubblewrap's namespaces: only the work folder and the system's files in view. */
    private final boolean bwrap;
    private Path work;
    private final FileLock lock;
    private final FileChannel lockFile;

    private Sandbox(String kind, int uid, boolean bwrap, FileChannel lockFile, FileLock lock) {
        this.kind = kind;
        this.uid = uid;
        this.bwrap = bwrap;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * The strongest boundary this setting allows.
     *
     * @param disabled true to use the policy only (the command line's {@code --sandbox=none}, for tests)
     */
    static Sandbox choose(boolean disabled) throws IOException {
        if (disabled) {
            return new Sandbox("policy only", -1, false, null, null);
        }
        if (!isLinuxRoot() || !Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            // a normal user: bubblewrap where a trial run works (Docker's seccomp and some AppArmor profiles block it)
            boolean works = bwrapWorks(List.of());
            return new Sandbox(works ? "bwrap" : "policy only", -1, works, null, null);
        }
        for (int i = 0; i < UIDS; i++) {
            int candidate = FIRST_UID + (int) ((ProcessHandle.current().pid() + i) % UIDS);
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "vmaware-grader-uid-" + candidate + ".lock");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = channel.tryLock();
            if (held != null && processesOf(candidate).isEmpty()) {
                boolean works = bwrapWorks(setpriv(candidate));
                return new Sandbox(works ? "separate uid + bwrap" : "separate uid", candidate, works, channel, held);
            }
            if (held != null) {
                held.release();
            }
            channel.close();
        }
        throw new IOException("no free sandbox uid in " + FIRST_UID + "-" + (FIRST_UID + UIDS - 1));
    }

    /**
     * Whether bubblewrap runs here, through {@code prefix}: being on the PATH is not the test (Docker's seccomp, a
     * distribution's AppArmor, or no unprivileged user namespaces stop it).
     */
    private static boolean bwrapWorks(List<String> prefix) {
        if (!Files.isExecutable(Path.of(BWRAP))) {
            return false;
        }
        List<String> trial = new ArrayList<>(prefix);
        trial.addAll(List.of(BWRAP, "--unshare-pid", "--unshare-net", "--die-with-parent", "--ro-bind", "/", "/",
                "--proc", "/proc", "--dev", "/dev", "/bin/true"));
        try {
            return exitOf(trial) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> setpriv(int uid) {
        return List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--");
    }

    /** How reports name this boundary: {@code separate uid}, {@code separate uid + bwrap}, {@code bwrap} or {@code policy only}. */
    String kind() {
        return kind;
    }

    boolean separateUid() {
        return uid >= 0;
    }

    int uid() {
        return uid;
    }

    /** The command the child's java is started through. */
    List<String> launcher() {
        List<String> command = new ArrayList<>(separateUid() ? setpriv(uid) : List.of());
        if (bwrap && work != null) {
            // A new mount, pid and network namespace: the child sees the system's own files read-only, the same
            // CPUs and cgroup limits (/proc, /sys/fs/cgroup), its work folder, and nothing else of the machine's.
            command.addAll(List.of(BWRAP, "--unshare-pid", "--unshare-net", "--die-with-parent", "--new-session",
                    "--ro-bind", "/usr", "/usr"));
            for (String dir : List.of("/bin", "/sbin", "/lib", "/lib64", "/lib32")) {
                Path p = Path.of(dir);
                if (Files.isSymbolicLink(p)) {
                    try {
                        command.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), dir));
                    } catch (IOException e) {
                        // an unreadable link: leave it out
                    }
                } else if (Files.isDirectory(p)) {
                    command.addAll(List.of("--ro-bind", dir, dir));
                }
            }
            command.addAll(List.of("--ro-bind", "/etc", "/etc", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
            if (Files.isDirectory(Path.of("/sys/fs/cgroup"))) {
                command.addAll(List.of("--ro-bind", "/sys/fs/cgroup", "/sys/fs/cgroup"));
            }
            String javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath().normalize().toString();
            if (!javaHome.startsWith("/usr/")) {
                command.addAll(List.of("--ro-bind", javaHome, javaHome));
            }
            command.addAll(List.of("--bind", work.toString(), work.toString(), "--"));
        }
        return command;
    }

    /** The child's whole environment: nothing of the grader's. */
    Map<String, String> environment(Path home) {
        return Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8", "HOME", home.toString());
    }

    /**
     * Makes the work folder usable by the child: the folder itself 0711, what the child reads world-readable,
     * and its own working folder owned by its uid.
     */
    void prepare(Path work, Path childHome) throws IOException {
        this.work = work.toAbsolutePath().normalize();
        if (!separateUid()) {
            return;
        }
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.collect(Collectors.toList())) {
                if (p.equals(work) || p.startsWith(childHome)) {
                    continue;
                }
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                        : "rw-r--r--"));
            }
        }
        run("/bin/chown", "-R", uid + ":" + uid, childHome.toString());
        Files.setPosixFilePermissions(childHome, PosixFilePermissions.fromString("rwx------"));
    }

    /**
     * The folders the child must not open, checked as the child's uid: empty if none can be opened, otherwise one
     * line per folder with the {@code chmod} that fixes it.
     */
    List<String> exposed(List<Path> secrets) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!separateUid()) {
            return problems;
        }
        List<String> present = new ArrayList<>();
        for (Path secret : secrets) {
            if (secret != null && Files.exists(secret)) {
                present.add(secret.toString());
            }
        }
        if (present.isEmpty()) {
            return problems;
        }
        // one shell as the child's uid tries them all: a process per folder cost 80 ms each
        List<String> command = new ArrayList<>(setpriv(uid));
        command.addAll(List.of("/bin/sh", "-c",
                "for p in \"$@\"; do /bin/ls \"$p\" >/dev/null 2>&1 && echo \"$p\"; done; exit 0", "sh"));
        command.addAll(present);
        List<String> opened = outputOf(command);
        for (String secret : present) {
            if (opened == null || opened.contains(secret)) {
                problems.add(secret + (opened == null ? " could not be checked" : " can be opened")
                        + " by the sandbox's uid " + uid + ", so the code under test might read it: chmod 700 " + secret);
            }
        }
        return problems;
    }

    /** Ends every process the child's uid owns (a setsid or double-forked one too), until none is left. */
    void killLeftovers() {
        if (!separateUid()) {
            return;
        }
        for (int round = 0; round < 100; round++) {
            List<Long> left = processesOf(uid);
            if (left.isEmpty()) {
                return;
            }
            // kill(-1) as that uid reaches every process of the uid at once, so a fork loop cannot outrun it
            List<String> command = new ArrayList<>(setpriv(uid));
            command.addAll(List.of("/bin/kill", "-KILL", "-1"));
            try {
                exitOf(command);
            } catch (IOException e) {
                left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            }
            sleep(20);
        }
    }

    /** The pids whose real uid is {@code uid}, from /proc. */
    static List<Long> processesOf(int uid) {
        return processesOf(uid, uid);
    }

    /** The pids of live processes (not zombies) whose real uid is in {@code [first, last]}, from /proc. */
    static List<Long> processesOf(int first, int last) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().matches("[0-9]+")).collect(Collectors.toList())) {
                try {
                    for (String line : Files.readAllLines(p.resolve("status"))) {
                        if (line.startsWith("State:") && line.contains("Z")) {
                            break; // a zombie has ended: it runs nothing, and only its parent can reap it
                        }
                        if (line.startsWith("Uid:")) {
                            int owner = Integer.parseInt(line.split("\\s+")[1]);
                            if (owner >= first && owner <= last) {
                                pids.add(Long.parseLong(p.getFileName().toString()));
                            }
                            break;
                        }
                    }
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    private static boolean isLinuxRoot() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static void run(String... command) throws IOException {
        int exit = exitOf(List.of(command));
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " exited with status " + exit);
        }
    }

    private static int exitOf(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** The lines a command printed, or null if it did not end with status 0 within 30 s. */
    private static List<String> outputOf(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> lines = out.lines().collect(Collectors.toList());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
            return lines;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies a folder or a jar into the work folder, so the child needs nothing outside it. */
    static Path stage(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.createDirectories(to.getParent());
            return Files.copy(from, to);
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** Removes what the child's uid left in the machine's shared temporary folders. */
    private void removeLeftFiles() {
        for (String dir : List.of(System.getProperty("java.io.tmpdir"), "/tmp", "/var/tmp", "/dev/shm")) {
            Path root = Path.of(dir);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root, 4)) {
                List<Path> owned = walk.filter(p -> !p.equals(root) && ownedByChild(p))
                        .sorted(Comparator.reverseOrder()).collect(Collectors.toList());
                for (Path p : owned) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                // a folder we may not read, or a file that went away: nothing of the child's can be there
            }
        }
    }

    private boolean ownedByChild(Path p) {
        try {
            return ((Integer) Files.getAttribute(p, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS)) == uid;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        killLeftovers();
        if (separateUid()) {
            removeLeftFiles();
        }
        if (lock != null) {
            lock.release();
            lockFile.close();
        }
    }

    /** Used where a report says which boundary held. */
    void describeTo(PrintStream log) {
        log.println("[grade] sandbox: " + kind + (separateUid() ? " (uid " + uid + ")" : ""));
    }

    /** Whether the child runs in bubblewrap's namespaces. */
    boolean bwrap() {
        return bwrap;
    }
}
