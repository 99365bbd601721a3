package org.vmaware.grader.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A new lab from one command ({@code grader new-lab labNN-topic}): a small lab in the one shape every lab has,
 * which the build proves as it is (its reference earns every point, its starter none of the performance points),
 * and the module line that adds it to the build. Its lesson is a stand-in, joining numbers with {@code +=} and
 * with a {@code StringBuilder}: one correctness, one timing and one allocation check, a benchmark and a handout.
 *
 * <pre>
 * create(root, "lab05-joining")   writes root/lab05-joining/ (package org.vmaware.lab05) and its module line
 * create(root, "lab5")            refused: a lab's name is labNN-topic
 * </pre>
 */
public final class NewLab {

    /** labNN-topic: two digits, then lower-case words joined by hyphens. */
    private static final Pattern NAME = Pattern.compile("lab([0-9]{2})-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)");

    /** Each template (a resource beside this class) and the file it becomes. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("pom.xml.txt", "pom.xml");
        FILES.put("grading.json.txt", "grading.json");
        FILES.put("README.md.txt", "README.md");
        FILES.put("Joining-starter.java.txt", "src/main/java/@PKGPATH@/Joining.java");
        FILES.put("Joining-reference.java.txt", "src/solution/java/@PKGPATH@/Joining.java");
        FILES.put("Rubric.java.txt", "src/test/java/@PKGPATH@/grading/Rubric.java");
        FILES.put("Baselines.java.txt", "src/test/java/@PKGPATH@/grading/Baselines.java");
        FILES.put("Task1JoiningTest.java.txt", "src/test/java/@PKGPATH@/grading/Task1JoiningTest.java");
        FILES.put("hints.properties.txt", "src/test/resources/hints.properties");
        FILES.put("Bench.java.txt", "src/jmh/java/@PKGPATH@/bench/Lab@NN@Joining.java");
    }

    private NewLab() {
    }

    /**
     * Writes the lab {@code name} into the repository at {@code root} and adds it to the root pom's modules.
     *
     * @return the files written, relative to {@code root}
     * @throws GradingException if the name is not labNN-topic, {@code root} is not this repository, or a lab of that
     *                          name or number exists (nothing is written then)
     */
    public static List<Path> create(Path root, String name) throws IOException, GradingException {
        Matcher parts = NAME.matcher(name);
        if (!parts.matches()) {
            throw GradingException.usage("a lab's name is labNN-topic (two digits, then lower-case words joined by"
                    + " '-', such as lab05-joining), not '" + name + "'");
        }
        Path pom = root.resolve("pom.xml");
        if (!Files.isRegularFile(pom) || !Files.isRegularFile(root.resolve("lab-parent/pom.xml"))) {
            throw GradingException.usage(root + " is not this repository's root (it has no pom.xml and lab-parent/)");
        }
        String number = parts.group(1);
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String existing = dir.getFileName().toString();
                if (existing.equals(name) || existing.startsWith("lab" + number + "-")) {
                    throw GradingException.usage(existing + " exists: lab " + number + " is taken (its package would be"
                            + " org.vmaware.lab" + number + "); nothing was written");
                }
            }
        }
        String modules = Files.readString(pom);
        int end = modules.indexOf("  </modules>");
        // after the last lab, so that the modules which follow the labs (end-to-end) stay last
        int lastLab = modules.lastIndexOf("    <module>lab", end);
        if (end >= 0 && lastLab >= 0 && !modules.startsWith("    <module>lab-", lastLab)) {
            end = modules.indexOf('\n', lastLab) + 1;
        }
        if (end < 0) {
            throw GradingException.usage(pom + " has no <modules> to add " + name + " to; nothing was written");
        }
        Map<String, String> values = Map.of("@LAB@", name, "@NN@", number, "@TOPIC@", parts.group(2),
                "@PKGPATH@", "org/vmaware/lab" + number, "@PKG@", "org.vmaware.lab" + number);
        List<Path> written = new ArrayList<>();
        Path dir = root.resolve(name);
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            Path target = dir.resolve(fill(file.getValue(), values));
            Files.createDirectories(target.getParent());
            Files.writeString(target, fill(template(file.getKey()), values));
            written.add(root.relativize(target));
        }
        Files.writeString(pom, modules.substring(0, end) + "    <module>" + name + "</module>\n" + modules.substring(end));
        written.add(root.relativize(pom));
        return written;
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    private static String template(String name) throws IOException {
        try (InputStream in = NewLab.class.getResourceAsStream("newlab/" + name)) {
            if (in == null) {
                throw new IOException("the grader jar lacks the new lab's template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
