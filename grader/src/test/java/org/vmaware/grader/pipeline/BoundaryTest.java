package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.vmaware.grader.Hints;
import org.vmaware.grader.supervise.CheckCosts;

/**
 * What the operating system's boundary holds when the class-file policy misses something: each submission here
 * is graded with the policy OFF (a test-only switch), as if it had found a way past it. As root on Linux the child
 * runs as a uid of its own (attacks x01, x05 and x14 are the classes); elsewhere these tests skip and say why.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BoundaryTest {

    private static final String REFERENCE_CANARY = "The reference: one builder, linear.";

    @TempDir
    Path work;

    private static void assumeSeparateUid() throws IOException {
        try (Sandbox sandbox = Sandbox.choose(false)) {
            assumeTrue(sandbox.separateUid(), "the separate-uid sandbox needs root on Linux with setpriv: skipped");
        }
    }

    /** A fixture submission whose join() runs {@code body} and throws what it found, so a check shows it. */
    private Path submission(String body) throws IOException {
        Path file = work.resolve("submission/org/vmaware/lab00/Joiner.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package org.vmaware.lab00;\n"
                + "import java.nio.file.*; import java.util.*;\n"
                + "public final class Joiner {\n"
                + "  public static String join(String[] pieces) {\n"
                + "    StringBuilder found = new StringBuilder();\n"
                + "    try {\n" + body + "\n    } catch (Throwable t) { found.append(\" failed: \").append(t); }\n"
                + "    throw new IllegalStateException(\"FOUND[\" + found + \"]\");\n"
                + "  }\n"
                + "  static String read(String file) {\n"
                + "    try { return Files.readString(Path.of(file)).strip(); } catch (Exception e) { return \"-\"; }\n"
                + "  }\n"
                + "  static String own(String controller, String file) {\n"
                + "    try { for (String line : Files.readAllLines(Path.of(\"/proc/self/cgroup\"))) {\n"
                + "      String[] part = line.split(\":\", 3);\n"
                + "      if (part.length == 3 && List.of(part[1].split(\",\")).contains(controller)) {\n"
                + "        return read(\"/sys/fs/cgroup/\" + part[1] + part[2] + \"/\" + file); } }\n"
                + "    } catch (Exception e) { return \"-\"; }\n"
                + "    return \"-\";\n"
                + "  }\n"
                + "}\n");
        return work.resolve("submission");
    }

    /** Every format a student can see, as one text. */
    private static String visible(Path out) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String file : List.of("results.json", "junit.xml", "summary.md", "report.html", "test-output.txt")) {
            text.append(Files.readString(out.resolve(file), StandardCharsets.UTF_8)).append('\n');
        }
        return text.toString();
    }

    private static void assertAbsent(String visible, String canary) {
        byte[] bytes = canary.getBytes(StandardCharsets.UTF_8);
        for (String form : List.of(canary, Base64.getEncoder().encodeToString(bytes), HexFormat.of().formatHex(bytes))) {
            assertFalse(visible.contains(form), () -> "a visible field holds '" + form + "' (" + canary + ")");
        }
    }

    @Test
    void pastThePolicyNothingSecretIsReadOrShown() throws Exception {
        assumeSeparateUid();
        String property = "canary-" + UUID.randomUUID();
        System.setProperty("vmaware.canary", property);
        Path outside = Path.of(System.getProperty("java.io.tmpdir"), "vmaware-canary-" + UUID.randomUUID());
        Path out = work.resolve("out");
        Path reference = FixtureLab.DIR.resolve("src/solution/java/org/vmaware/lab00/Joiner.java").toAbsolutePath();
        Path submission = submission(""
                + "found.append(\"env=\").append(System.getenv().keySet());\n"
                + "found.append(\" property=\").append(System.getProperty(\"vmaware.canary\"));\n"
                + "try { found.append(\" reference=\").append(Files.readString(Path.of(\"" + reference + "\"))); }"
                + " catch (Exception e) { found.append(\" reference unreadable\"); }\n"
                + "try { Files.writeString(Path.of(\"" + out.resolve("results.json") + "\"), \"{}\");"
                + " found.append(\" wrote the report\"); } catch (Exception e) { found.append(\" report unwritable\"); }\n"
                + "try { Files.writeString(Path.of(\"" + outside + "\"), \"x\"); } catch (Exception e) { }\n");
        JsonNode results;
        try {
            results = FixtureLab.grade(FixtureLab.home(), submission, out, true);
        } finally {
            System.clearProperty("vmaware.canary");
        }
        String joins = FixtureLab.check(results, "joins").path("output").asText();
        java.util.regex.Matcher env = java.util.regex.Pattern.compile("env=\\[([^]]*)\\]").matcher(joins);
        assertTrue(env.find(), joins);
        // the sandbox's three variables (bubblewrap adds PWD, the child's own folder)
        assertTrue(List.of("HOME", "LANG", "PATH", "PWD").containsAll(List.of(env.group(1).split(", "))),
                () -> "the child's environment is the sandbox's: " + joins);
        assertTrue(joins.contains("property=null"), joins);
        assertTrue(joins.contains("reference unreadable"), joins);
        assertTrue(joins.contains("report unwritable"), joins);
        assertTrue(results.path("extra_data").path("sandbox").asText().startsWith("separate uid"), results::toString);
        String visible = visible(out);
        assertAbsent(visible, property);
        assertAbsent(visible, REFERENCE_CANARY);
        assertFalse(Files.exists(outside), "what the child's uid left in the temporary folder is removed: " + outside);
    }

    @Test
    void pastThePolicyNoProcessOutlivesTheGrading() throws Exception {
        assumeSeparateUid();
        Path out = work.resolve("out");
        Path marker = work.resolve("survived");
        // attack x14's class: a process in a session of its own, which waits and then rewrites the report
        Path submission = submission(""
                + "new ProcessBuilder(\"setsid\", \"sh\", \"-c\", \"sleep 3; echo hacked > " + marker
                + "; echo '{}' > " + out.resolve("results.json") + "\").start();\n"
                + "new ProcessBuilder(\"sh\", \"-c\", \"(sleep 3; touch " + marker + ") &\").start();\n");
        JsonNode results = FixtureLab.grade(FixtureLab.home(), submission, out, true);
        String before = Files.readString(out.resolve("results.json"));
        List<Long> left = Sandbox.processesOf(Sandbox.FIRST_UID, Sandbox.FIRST_UID + Sandbox.UIDS - 1);
        assertEquals(List.of(), left, "no process of a sandbox uid is left after the grader returns");
        // five seconds by default; .ci/run waits the threat model's two minutes once (-Dboundary.waitSeconds=120)
        Thread.sleep(1_000L * Long.getLong("boundary.waitSeconds", 5));
        assertFalse(Files.exists(marker), "a process started by the submission ran on after its check");
        assertEquals(before, Files.readString(out.resolve("results.json")), "the report is unchanged");
        assertEquals(0.0, results.path("score").asDouble(), () -> FixtureLab.describe(results));
    }

    @Test
    void theChildSeesTheMachineItRunsOn() throws Exception {
        // the thresholds are judged by what the child sees: the same CPUs and cgroup limits inside as outside
        Path out = work.resolve("out");
        Path repository = FixtureLab.DIR.toAbsolutePath().normalize();
        Path submission = submission(""
                + "found.append(\"cpus=\").append(Runtime.getRuntime().availableProcessors());\n"
                + "found.append(\" limits=\").append(" + CGROUP_LIMITS + ");\n"
                + "found.append(\" repository=\").append(Files.exists(Path.of(\"" + repository + "\")));\n");
        JsonNode results = FixtureLab.grade(FixtureLab.home(), submission, out, true);
        String joins = FixtureLab.check(results, "joins").path("output").asText();
        assertTrue(joins.contains("cpus=" + Runtime.getRuntime().availableProcessors() + " "), joins);
        assertTrue(joins.contains("limits=" + cgroupLimits() + " "), () -> "outside: " + cgroupLimits() + "; " + joins);
        if (results.path("extra_data").path("sandbox").asText().contains("bwrap")) {
            assertTrue(joins.contains("repository=false"), () -> "bwrap shows the child only its work folder: " + joins);
        }
    }

    /**
     * The CPU quota and memory limit of this process's cgroup (v1 or v2), as Java source for the child and as a
     * method here: the same expression on both sides of the boundary.
     */
    private static final String CGROUP_LIMITS = "String.join(\",\", new String[] {"
            + "read(\"/sys/fs/cgroup/cpu.max\"), read(\"/sys/fs/cgroup/cpu/cpu.cfs_quota_us\"),"
            + " read(\"/sys/fs/cgroup/memory/memory.limit_in_bytes\"), own(\"cpu\", \"cpu.cfs_quota_us\"),"
            + " own(\"memory\", \"memory.limit_in_bytes\")})";

    private static String cgroupLimits() {
        return String.join(",", new String[] {read("/sys/fs/cgroup/cpu.max"),
            read("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"), read("/sys/fs/cgroup/memory/memory.limit_in_bytes"),
            own("cpu", "cpu.cfs_quota_us"), own("memory", "memory.limit_in_bytes")});
    }

    static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (Exception e) {
            return "-";
        }
    }

    /** The limit in this process's own cgroup of {@code controller} (cgroup v1), from /proc/self/cgroup. */
    static String own(String controller, String file) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] part = line.split(":", 3);
                if (part.length == 3 && List.of(part[1].split(",")).contains(controller)) {
                    return read("/sys/fs/cgroup/" + part[1] + part[2] + "/" + file);
                }
            }
        } catch (Exception e) {
            return "-";
        }
        return "-";
    }

    @Test
    void everyLabsReferenceInTheRepositoryIsKeptPrivate() throws Exception {
        // the red team's a6: the graded lab's reference was private, the other labs' were world-readable
        Path root = work.resolve("repository");
        for (String lab : List.of("lab01-a", "lab02-b")) {
            Files.createDirectories(root.resolve(lab).resolve("src/main/java"));
            Files.createDirectories(root.resolve(lab).resolve("src/solution/java"));
            Files.writeString(root.resolve(lab).resolve("grading.json"), "{}");
        }
        LabHome lab = new LabHome("lab01-a", "a", List.of(), List.of(), 1, 1, FixtureLab.RELEASE,
                List.of(root.resolve("lab01-a/src/main/java")),
                root, List.of(), ClassFilePolicy.LabPolicy.NONE, CheckCosts.none(), Hints.Level.IDEA);
        List<Path> secrets = Grading.secrets(lab, work.resolve("out"));
        for (String other : List.of("lab01-a", "lab02-b")) {
            Path solution = root.resolve(other).resolve("src/solution");
            assertTrue(secrets.contains(solution), () -> other + "'s reference is checked: " + secrets);
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(solution)), other + "'s reference is private");
        }
    }

    @Test
    void theSandboxIsNamedInTheReport() throws Exception {
        Path out = work.resolve("out");
        JsonNode results = FixtureLab.grade(FixtureLab.home(), null, out);
        String sandbox = results.path("extra_data").path("sandbox").asText();
        assertTrue(List.of("separate uid + bwrap", "separate uid", "bwrap", "policy only").contains(sandbox), sandbox);
        assertTrue(results.path("output").asText().contains("sandbox: " + sandbox), results.path("output")::asText);
    }

    @Test
    void aFolderTheChildsUidCanOpenIsFoundAndOneItCannotIsNot() throws Exception {
        assumeSeparateUid();
        Path open = Files.createDirectory(work.resolve("open"));
        Path closed = Files.createDirectory(work.resolve("closed"));
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        try (Sandbox sandbox = Sandbox.choose(false)) {
            List<String> problems = sandbox.exposed(List.of(open, closed, work.resolve("absent")));
            assertEquals(1, problems.size(), problems::toString);
            assertTrue(problems.get(0).startsWith(open + " can be opened by the sandbox's uid"), problems::toString);
        }
    }
}
