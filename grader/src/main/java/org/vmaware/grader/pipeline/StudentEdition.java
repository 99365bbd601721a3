package org.vmaware.grader.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import org.vmaware.grader.Hints;
import org.vmaware.grader.supervise.CheckCosts;

/**
 * The student edition of this repository, for a GitHub Classroom template: no reference solutions, {@code mvn test}
 * in a lab grades the student's code, a student README per lab, each lab's hints at only the level its grading.json
 * names ({@link HintsFile}), and a workflow that grades each push.
 *
 * <p>Classroom repositories belong to the students, tests and workflow included. So the workflow grades with tests,
 * baselines and thresholds from a grading archive that this export writes beside the edition (a deterministic
 * tar.gz of it) and pins by its SHA-256; it never uses the student's copy of them.</p>
 *
 * <pre>
 * DIR/                            the template repository: labs without src/solution, grader without its tests
 * DIR/.github/workflows/classroom.yml   grades every lab on push, with Maven's cache
 * DIR-grading.tar.gz              the grading archive: upload it where the workflow can fetch it (--grading-url)
 * </pre>
 */
public final class StudentEdition {

    /** The grader's modules, which a student edition builds from source (without their own tests). */
    static final List<String> GRADER_MODULES = List.of("grader-protocol", "grader-api", "grader-runtime", "grader");
    /** new-lab's templates hold a reference of their own: an instructor's tool, not in a student's edition. */
    private static final String NEW_LAB_TEMPLATES = "newlab";

    /** The archive's URL in a workflow exported without --grading-url: the workflow stops and says what to do. */
    public static final String URL_PLACEHOLDER = "REPLACE-WITH-THE-GRADING-ARCHIVE-URL";

    private StudentEdition() {
    }

    /**
     * What the export wrote.
     *
     * @param dir     the student edition
     * @param archive the grading archive
     * @param sha256  the archive's SHA-256, pinned in the workflow
     */
    public record Exported(Path dir, Path archive, String sha256) {
    }

    public static Exported export(Path root, List<String> labs, Path dir, String gradingUrl)
            throws IOException, GradingException {
        if (Files.exists(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw GradingException.usage(dir + " exists and is not empty: export into a new directory (nothing"
                            + " was written)");
                }
            }
        }
        Files.createDirectories(dir);
        copy(root.resolve("mvnw"), dir.resolve("mvnw"));
        Files.setPosixFilePermissions(dir.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        copyTree(root.resolve(".mvn"), dir.resolve(".mvn"));
        copy(root.resolve(".gitignore"), dir.resolve(".gitignore"));
        String pom = Files.readString(root.resolve("pom.xml"));
        String skip = "<proof.skip>false</proof.skip>";
        if (!pom.contains(skip)) {
            throw GradingException.usage("pom.xml has no " + skip + " to turn off in the student edition");
        }
        String instructorsOnly = "    <!-- last: it builds a new lab and a student edition offline, with the plugins the"
                + " labs above resolved -->\n    <module>end-to-end</module>\n";
        if (!pom.contains(instructorsOnly)) {
            throw GradingException.usage("pom.xml has no end-to-end module to leave out of the student edition");
        }
        String edition = pom.replace(skip, "<!-- The student edition has no reference solutions to prove. -->\n"
                + "    <proof.skip>true</proof.skip>").replace(instructorsOnly, "");
        for (String lab : LabHome.labsIn(root)) {
            if (!labs.contains(lab)) {
                // a lab left out of the edition leaves its module line too, or Maven finds no such module
                edition = edition.replace("    <module>" + lab + "</module>\n", "");
            }
        }
        Files.writeString(dir.resolve("pom.xml"), edition);
        for (String module : GRADER_MODULES) {
            copy(root.resolve(module + "/pom.xml"), dir.resolve(module + "/pom.xml"));
            copyTree(root.resolve(module + "/src/main"), dir.resolve(module + "/src/main"), NEW_LAB_TEMPLATES);
        }
        copy(root.resolve("lab-parent/pom.xml"), dir.resolve("lab-parent/pom.xml"));
        // the measurements the handouts cite
        copy(root.resolve("docs/measurements.md"), dir.resolve("docs/measurements.md"));
        ObjectMapper json = new ObjectMapper();
        StringBuilder table = new StringBuilder();
        for (String lab : labs) {
            Path from = root.resolve(lab);
            Path to = dir.resolve(lab);
            copy(from.resolve("pom.xml"), to.resolve("pom.xml"));
            copy(from.resolve("grading.json"), to.resolve("grading.json"));
            if (Files.isRegularFile(from.resolve(CheckCosts.FILE))) {
                copy(from.resolve(CheckCosts.FILE), to.resolve(CheckCosts.FILE));
            }
            for (String tree : List.of("src/given", "src/main", "src/test", "src/jmh")) {
                if (Files.isDirectory(from.resolve(tree))) {
                    copyTree(from.resolve(tree), to.resolve(tree));
                }
            }
            JsonNode descriptor = json.readTree(from.resolve("grading.json").toFile());
            if (Files.isRegularFile(from.resolve(HintsFile.PATH))) {
                Files.writeString(to.resolve(HintsFile.PATH), HintsFile.onlyLevel(
                        Files.readString(from.resolve(HintsFile.PATH)), hintLevel(lab, descriptor)));
            }
            List<String> files = new ArrayList<>();
            descriptor.path("studentFiles").forEach(f -> files.add(f.asText()));
            Files.writeString(to.resolve("README.md"), labReadme(lab, files, Files.readString(from.resolve("README.md"))));
            table.append(String.format(Locale.ROOT, "| [%s](%s/README.md) | %s | %s |%n", lab, lab,
                    descriptor.path("title").asText(), files.stream().map(f -> "`" + f.substring(f.lastIndexOf('/') + 1) + "`")
                            .collect(Collectors.joining(", "))));
        }
        Files.writeString(dir.resolve("README.md"), rootReadme(table.toString()));
        Path archive = dir.resolveSibling(dir.getFileName() + "-grading.tar.gz");
        String sha256 = archive(dir, archive);
        String url = gradingUrl == null ? URL_PLACEHOLDER : gradingUrl;
        String workflow = Bundle.resource("classroom.yml").replace("@GRADING_URL@", url).replace("@GRADING_SHA256@", sha256)
                .replace("@LABS@", String.join(", ", labs));
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/classroom.yml"), workflow);
        return new Exported(dir, archive, sha256);
    }

    private static Hints.Level hintLevel(String lab, JsonNode descriptor) throws GradingException {
        try {
            return LabHome.hintLevel(descriptor);
        } catch (IllegalArgumentException e) {
            throw GradingException.usage(lab + "/grading.json: " + e.getMessage());
        }
    }

    private static String labReadme(String lab, List<String> files, String handout) {
        StringBuilder text = new StringBuilder();
        text.append("> **Your edition of ").append(lab).append(".** Edit only these files; the grader takes nothing"
                + " else from your repository (not the tests, not the build files):\n");
        for (String file : files) {
            text.append("> - `src/main/java/").append(file).append("`\n");
        }
        text.append(">\n> Grade your work here: `./mvnw -pl ").append(lab).append(" -am test` (from the repository's"
                + " root; add `-Dgrade.mode=correctness` to skip the timing checks). Each push is graded by the"
                + " Classroom workflow, with the course's own copy of the tests.\n\n");
        return text.append(handout).toString();
    }

    private static String rootReadme(String table) {
        return "# VM-Aware Java Labs: student edition\n\n"
                + "The lecture \"VM Aware Programming in Python\", rebuilt for the JVM as graded labs. Each lab's README"
                + " is its handout and names the files you edit.\n\n"
                + "| lab | topic | your files |\n|---|---|---|\n" + table + "\n"
                + "```bash\n./mvnw -pl lab03-strings -am test                             # grade one lab: your code\n"
                + "./mvnw -pl lab03-strings -am test -Dgrade.mode=correctness      # quick: no timing checks\n```\n\n"
                + "You need a JDK 17 or newer, `curl` or `wget`, and `unzip`; the Maven wrapper brings Maven.\n\n"
                + "## How your work is graded\n\n"
                + "- Every push runs `.github/workflows/classroom.yml`. It downloads the course's grading archive, checks"
                + " its SHA-256, and grades only your student files with it: editing the tests, the baselines or the"
                + " thresholds in this repository changes nothing in your grade.\n"
                + "- Your code runs in a separate JVM with a fixed heap and time limits. Graded code may use the plain"
                + " Java library a lab needs (`java.lang`, `java.util`, `java.math`, `java.text`, `java.time`,"
                + " in-memory `java.io`, commons-lang3); files, the network, processes, reflection and the grader's own"
                + " classes are refused before anything runs, with a message that names the line's API.\n"
                + "- Inputs are seeded afresh for every run, and timing checks compare your code with the naive"
                + " version on the same fresh inputs: a cache of earlier answers or hard-coded results earn nothing.\n"
                + "- The report (job summary and the `grade-report-*` artifact) shows each check, what was measured and"
                + " the target; `report.html` has the charts.\n";
    }

    /** A deterministic tar.gz of {@code dir}: sorted entries, fixed times and owners. Returns its SHA-256. */
    static String archive(Path dir, Path archive) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        try (OutputStream file = new DigestOutputStream(Files.newOutputStream(archive), sha);
                GzipCompressorOutputStream zipped = new GzipCompressorOutputStream(file, gzip);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(zipped, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path path : files) {
                String name = "grading/" + dir.relativize(path).toString().replace(File.separatorChar, '/');
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(Files.size(path));
                entry.setMode(Files.isExecutable(path) ? 0100755 : 0100644);
                entry.setModTime(0);
                entry.setUserId(0);
                entry.setGroupId(0);
                entry.setUserName("");
                entry.setGroupName("");
                tar.putArchiveEntry(entry);
                Files.copy(path, tar);
                tar.closeArchiveEntry();
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        copyTree(from, to, null);
    }

    /** Copies the files under {@code from}, leaving out those under a folder named {@code leaveOut}. */
    private static void copyTree(Path from, Path to, String leaveOut) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                Path relative = from.relativize(path);
                boolean left = false;
                for (Path part : relative) {
                    left |= part.toString().equals(leaveOut);
                }
                if (!left) {
                    copy(path, to.resolve(relative.toString()));
                }
            }
        }
    }
}
