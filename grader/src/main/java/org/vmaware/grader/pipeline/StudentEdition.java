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
import java.util.HexFormat;
import java.util.List;
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
 * The student edition of this repository, for a template repository (Classroom 50's, or a course's own): no
 * reference solutions, {@code mvn test}
 * in a lab grades the student's code, a student README per lab, each lab's hints at only the level its grading.json
 * names ({@link HintsFile}), and a workflow that grades each push.
 *
 * <p>Student repositories belong to the students, tests and workflow included. So the workflow grades with tests,
 * baselines and thresholds from a grading archive that this export writes beside the edition (a deterministic
 * tar.gz of it) and pins by its SHA-256; it never uses the student's copy of them.</p>
 *
 * <p>Its READMEs are the repository's, edited by marked sections, so that each handout has one source. A section
 * between {@code <!-- instructor -->} and {@code <!-- /instructor -->} (each alone on its line) is left out of the
 * edition: commands and evidence that need the reference solutions, the scripts or the development machine. A
 * section between {@code <!-- student} and {@code <!-- /student -->} is one HTML comment in the repository, so it
 * is not shown there, and is the edition's text in its place: the commands that work in the edition. The markers
 * themselves are not exported.</p>
 *
 * <pre>
 * DIR/                            the template repository: labs without src/solution, grader without its tests
 * DIR/.github/workflows/grade.yml       grades every lab on push, with Maven's cache
 * DIR-grading.tar.gz              the grading archive: upload it where the workflow can fetch it (--grading-url)
 * </pre>
 */
public final class StudentEdition {

    /** The grader's modules, which a student edition builds from source (without their own tests). */
    static final List<String> GRADER_MODULES = List.of("grader-protocol", "grader-api", "grader-runtime", "grader");
    /** new-lab's templates hold a reference of their own: an instructor's tool, not in a student's edition. */
    private static final String NEW_LAB_TEMPLATES = "newlab";

    /** Opens a README section that the edition leaves out. */
    static final String INSTRUCTOR_START = "<!-- instructor -->";
    /** Closes a section that the edition leaves out. */
    static final String INSTRUCTOR_END = "<!-- /instructor -->";
    /** Opens a README section that only the edition shows: an HTML comment in the repository. */
    static final String STUDENT_START = "<!-- student";
    /** Closes a section that only the edition shows, and the comment that hides it in the repository. */
    static final String STUDENT_END = "<!-- /student -->";

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
            JsonNode descriptor = new ObjectMapper().readTree(from.resolve("grading.json").toFile());
            if (Files.isRegularFile(from.resolve(HintsFile.PATH))) {
                Files.writeString(to.resolve(HintsFile.PATH), HintsFile.onlyLevel(
                        Files.readString(from.resolve(HintsFile.PATH)), hintLevel(lab, descriptor)));
            }
            Files.writeString(to.resolve("README.md"), studentText(lab + "/README.md",
                    Files.readString(from.resolve("README.md"))));
        }
        Files.writeString(dir.resolve("README.md"), withoutOtherLabs(studentText("README.md",
                Files.readString(root.resolve("README.md"))), LabHome.labsIn(root), labs));
        Path archive = dir.resolveSibling(dir.getFileName() + "-grading.tar.gz");
        String sha256 = archive(dir, archive);
        String url = gradingUrl == null ? URL_PLACEHOLDER : gradingUrl;
        String workflow = Bundle.resource("grade.yml").replace("@GRADING_URL@", url).replace("@GRADING_SHA256@", sha256)
                .replace("@LABS@", String.join(", ", labs));
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/grade.yml"), workflow);
        return new Exported(dir, archive, sha256);
    }

    private static Hints.Level hintLevel(String lab, JsonNode descriptor) throws GradingException {
        try {
            return LabHome.hintLevel(descriptor);
        } catch (IllegalArgumentException e) {
            throw GradingException.usage(lab + "/grading.json: " + e.getMessage());
        }
    }

    /**
     * A README as the edition shows it: instructor sections left out, student sections shown, no markers.
     *
     * @param name     the README's path, for the messages
     * @param markdown the README in the repository
     * @return the edition's README
     * @throws GradingException if a section is not closed, is closed without being opened, or is nested, or if a
     *                          student section holds {@code -->}, which would end its comment early in the repository
     */
    static String studentText(String name, String markdown) throws GradingException {
        StringBuilder text = new StringBuilder();
        String open = null;
        int opened = 0;
        String[] lines = markdown.split("\n", -1);
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1];
            String marker = line.strip();
            if (marker.equals(INSTRUCTOR_START) || marker.equals(STUDENT_START)) {
                if (open != null) {
                    throw GradingException.usage(name + ":" + number + ": " + marker + " inside the section opened on"
                            + " line " + opened + " (sections do not nest)");
                }
                open = marker;
                opened = number;
            } else if (marker.equals(INSTRUCTOR_END) || marker.equals(STUDENT_END)) {
                String expected = marker.equals(INSTRUCTOR_END) ? INSTRUCTOR_START : STUDENT_START;
                if (!expected.equals(open)) {
                    throw GradingException.usage(name + ":" + number + ": " + marker + " closes no " + expected
                            + " section");
                }
                open = null;
            } else if (marker.startsWith("<!-- instructor") || marker.startsWith("<!-- /instructor")
                    || marker.startsWith("<!-- student") || marker.startsWith("<!-- /student")) {
                throw GradingException.usage(name + ":" + number + ": a section marker is one of " + INSTRUCTOR_START
                        + ", " + INSTRUCTOR_END + ", " + STUDENT_START + " and " + STUDENT_END + ", alone on its line,"
                        + " not " + marker);
            } else if (STUDENT_START.equals(open) && line.contains("-->")) {
                throw GradingException.usage(name + ":" + number + ": a student section is an HTML comment in the"
                        + " repository, so it cannot hold -->");
            } else if (!INSTRUCTOR_START.equals(open)) {
                text.append(line).append('\n');
            }
        }
        if (open != null) {
            throw GradingException.usage(name + ":" + opened + ": " + open + " is never closed");
        }
        // a section left out leaves the blank lines around it: one is enough
        return text.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    /** The root README without the rows of its lab table that link to labs left out of the edition. */
    private static String withoutOtherLabs(String readme, List<String> allLabs, List<String> labs) {
        String edited = readme;
        for (String lab : allLabs) {
            if (!labs.contains(lab)) {
                edited = edited.replaceAll("(?m)^\\| \\[" + lab + "\\]\\(.*\\n", "");
            }
        }
        return edited;
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
