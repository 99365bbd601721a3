package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The student edition's READMEs lead nowhere the edition lacks. Every command of their {@code bash} blocks names
 * modules, profiles and benchmarks the edition has; every link, anchor and path resolves in it, as a student reads
 * it (from the README's folder or the edition's root); none names the reference solutions, the instructors' scripts
 * or the development machine. The course README and each lab's README give the same commands.
 */
class StudentReadmesTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    /** What a student edition does not have, or must not be told. */
    private static final List<String> INSTRUCTORS_ONLY = List.of("-Psolution", "src/solution", "-Dproof.",
            "scripts/", "docs/campaign", "docs/engine.md", "/usr/lib/jvm", "/work/", "../shared",
            "second machine", "device tool", "<!--", "-->");
    /** {@code -Dgrade} alone, which grades nothing more in a student edition: its commands do without it. */
    private static final Pattern GRADE_FLAG = Pattern.compile("-Dgrade(?![.\\w])");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```\\s*$");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    private static final Pattern PROFILE_ID = Pattern.compile("<profile>\\s*<id>([^<]+)</id>");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /** A code span that names a file or a folder: it has a slash, or a file's extension. */
    private static final Pattern PATH_LIKE = Pattern.compile("[\\w.-]*/[\\w./-]*|[\\w.-]+\\.(?:java|md|sh|json|yml|xml)");

    @TempDir
    static Path temp;
    private static Path edition;
    private static List<Path> readmes;

    @BeforeAll
    static void export() throws IOException, GradingException {
        edition = StudentEdition.export(REPOSITORY, LabHome.labsIn(REPOSITORY), temp.resolve("edition"), null).dir();
        try (Stream<Path> walk = Files.walk(edition)) {
            readmes = walk.filter(p -> p.getFileName().toString().equals("README.md")).sorted()
                    .collect(Collectors.toList());
        }
        assertEquals(LabHome.labsIn(REPOSITORY).size() + 1, readmes.size(), "a README per lab and the course's");
    }

    @Test
    void nameNothingOfTheInstructors() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path readme : readmes) {
            String[] lines = Files.readString(readme).split("\n");
            for (int i = 0; i < lines.length; i++) {
                for (String text : INSTRUCTORS_ONLY) {
                    if (lines[i].contains(text)) {
                        found.add(where(readme, i) + " names " + text + ": " + lines[i].strip());
                    }
                }
                if (GRADE_FLAG.matcher(lines[i]).find()) {
                    found.add(where(readme, i) + " uses -Dgrade, which the edition does not need: " + lines[i].strip());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void commandsNameWhatTheEditionHas() throws IOException {
        Set<String> modules = matches(MODULE, Files.readString(edition.resolve("pom.xml")));
        List<String> wrong = new ArrayList<>();
        for (Path readme : readmes) {
            List<String> commands = commands(Files.readString(readme));
            // grade, grade quickly, grade one task, benchmark
            assertTrue(commands.size() >= 4, () -> name(readme) + " gives its commands: " + commands);
            for (String command : commands) {
                wrong.addAll(check(readme, command, modules));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void linksAndPathsResolve() throws IOException {
        List<String> missing = new ArrayList<>();
        Set<String> fileNames = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(edition)) {
            walk.filter(Files::isRegularFile).forEach(p -> fileNames.add(p.getFileName().toString()));
        }
        for (Path readme : readmes) {
            String text = Files.readString(readme);
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.contains("://")) {
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path resolved = file.isEmpty() ? readme : readme.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    missing.add(name(readme) + " links to " + target + ", which the edition lacks");
                } else if (target.contains("#") && !anchors(resolved).contains(target.substring(target.indexOf('#') + 1))) {
                    missing.add(name(readme) + " links to " + target + ", a heading " + name(resolved) + " lacks");
                }
            }
            String prose = FENCE.matcher(text).replaceAll("");
            Matcher span = CODE_SPAN.matcher(prose);
            while (span.find()) {
                String code = span.group(1).strip();
                if (code.startsWith("./mvnw") || code.startsWith("mvn ") || code.contains(" ") || code.contains("://")
                        || !PATH_LIKE.matcher(code).matches()) {
                    continue;
                }
                if (!resolves(readme, code, fileNames)) {
                    missing.add(name(readme) + " names `" + code + "`, which the edition lacks");
                }
            }
            Matcher fence = FENCE.matcher(text);
            while (fence.find()) {
                if (!fence.group(1).isEmpty()) {
                    continue;
                }
                // a layout block: each line that starts with a path names a file or a folder of the lab
                for (String line : fence.group(2).split("\n")) {
                    String first = line.strip().split("\\s+")[0];
                    if (!line.startsWith(" ") && first.contains("/") && !resolves(readme, first, fileNames)) {
                        missing.add(name(readme) + "'s layout names " + first + ", which the edition lacks");
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void courseAndLabReadmesGiveTheSameCommands() throws IOException {
        String example = "lab03-strings";
        List<String> course = commands(Files.readString(edition.resolve("README.md"))).stream()
                .filter(c -> c.contains("-pl " + example + " ")).map(StudentReadmesTest::form)
                .distinct().collect(Collectors.toList());
        assertTrue(course.size() >= 4, "the course README grades, grades quickly, grades one task and benchmarks: "
                + course);
        List<String> missing = new ArrayList<>();
        for (String lab : LabHome.labsIn(REPOSITORY)) {
            Set<String> given = commands(Files.readString(edition.resolve(lab + "/README.md"))).stream()
                    .map(StudentReadmesTest::form).collect(Collectors.toSet());
            for (String command : course) {
                String same = command.replace("-pl " + example + " ", "-pl " + lab + " ");
                if (!given.contains(same)) {
                    missing.add(lab + "/README.md lacks the course README's " + same);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The commands of a README's {@code bash} blocks: comments dropped, continued lines joined. */
    static List<String> commands(String readme) {
        List<String> commands = new ArrayList<>();
        Matcher fence = FENCE.matcher(readme);
        while (fence.find()) {
            if (!fence.group(1).equals("bash")) {
                continue;
            }
            for (String line : fence.group(2).replace("\\\n", " ").split("\n")) {
                String command = withoutComment(line).strip().replaceAll("\\s+", " ");
                if (!command.isEmpty()) {
                    commands.add(command);
                }
            }
        }
        return commands;
    }

    /** A command with what a README may choose for itself (the task, the benchmark's arguments) left open. */
    private static String form(String command) {
        return command.replaceAll("-Dgrade\\.task=\\d+", "-Dgrade.task=N").replaceAll("-Djmh\\.args=\"[^\"]*\"",
                "-Djmh.args=ARGS");
    }

    /** What is wrong with one command: a module, a profile or a benchmark the edition does not have. */
    private static List<String> check(Path readme, String command, Set<String> modules) throws IOException {
        List<String> wrong = new ArrayList<>();
        List<String> words = words(command);
        String at = name(readme) + ": " + command + ": ";
        if (!words.get(0).equals("./mvnw")) {
            wrong.add(at + "a student's commands run the Maven wrapper, from the edition's root");
            return wrong;
        }
        String module = null;
        Set<String> profiles = new LinkedHashSet<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("-pl") && i + 1 < words.size()) {
                module = words.get(++i);
            } else if (word.equals("-P") && i + 1 < words.size()) {
                profiles.addAll(List.of(words.get(++i).split(",")));
            } else if (word.startsWith("-P")) {
                profiles.addAll(List.of(word.substring(2).split(",")));
            }
        }
        Set<String> known = new TreeSet<>(matches(PROFILE_ID, Files.readString(edition.resolve("pom.xml"))));
        known.addAll(matches(PROFILE_ID, Files.readString(edition.resolve("lab-parent/pom.xml"))));
        if (module != null) {
            if (!modules.contains(module) || !Files.isRegularFile(edition.resolve(module + "/pom.xml"))) {
                wrong.add(at + "-pl " + module + " is no module of the edition (" + modules + ")");
                return wrong;
            }
            known.addAll(matches(PROFILE_ID, Files.readString(edition.resolve(module + "/pom.xml"))));
        }
        for (String profile : profiles) {
            if (!known.contains(profile)) {
                wrong.add(at + "-P" + profile + " is no profile of the edition's poms (" + known + ")");
            }
        }
        for (String word : words) {
            if (word.startsWith("-Djmh.args=") && module != null) {
                String benchmark = word.substring("-Djmh.args=".length()).split(" ")[0];
                if (benchmarks(module).stream().noneMatch(b -> b.contains(benchmark))) {
                    wrong.add(at + "no benchmark of " + module + " matches " + benchmark + " (" + benchmarks(module) + ")");
                }
            }
        }
        return wrong;
    }

    /** The JMH classes of a lab, by simple name. */
    private static List<String> benchmarks(String lab) throws IOException {
        Path jmh = edition.resolve(lab + "/src/jmh/java");
        if (!Files.isDirectory(jmh)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(jmh)) {
            return walk.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .map(n -> n.substring(0, n.length() - ".java".length())).sorted().collect(Collectors.toList());
        }
    }

    /** A path resolves from the README's folder or from the edition's root; a file name alone, anywhere in it. */
    private static boolean resolves(Path readme, String path, Set<String> fileNames) {
        if (path.contains("target/")) {
            return true; // what a build writes, not what a checkout holds
        }
        if (!path.contains("/")) {
            return fileNames.contains(path);
        }
        return Files.exists(readme.getParent().resolve(path).normalize()) || Files.exists(edition.resolve(path).normalize());
    }

    /** The anchors GitHub gives a Markdown file's headings. */
    private static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new TreeSet<>();
        String text = FENCE.matcher(Files.readString(markdown)).replaceAll("");
        Matcher heading = HEADING.matcher(text);
        while (heading.find()) {
            anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }

    /** The words of a command, as a shell splits them: quotes group and are dropped. */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** A shell line without its comment: a {@code #} that starts a word outside quotes. */
    private static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).strip());
        }
        return found;
    }

    private static String name(Path file) {
        return edition.relativize(file).toString();
    }

    private static String where(Path readme, int line) {
        return name(readme) + ":" + (line + 1);
    }

    @Test
    void theParserReadsCommandsAsAShellDoes() {
        List<String> parsed = commands("```bash\n./mvnw -q -pl lab01-loops -am verify -Pbench \\\n"
                + "    -Djmh.args=\"Lab01SeedLoops -f 1 # not a comment\"   # a comment\n\n# only a comment\n```\n"
                + "```\nnot/a/command\n```\n");
        assertEquals(List.of("./mvnw -q -pl lab01-loops -am verify -Pbench -Djmh.args=\"Lab01SeedLoops -f 1 # not a"
                + " comment\""), parsed);
        assertEquals(List.of("./mvnw", "-Djmh.args=Lab01SeedLoops -f 1"), words("./mvnw -Djmh.args=\"Lab01SeedLoops -f 1\""));
        assertFalse(GRADE_FLAG.matcher("-Dgrade.mode=correctness -Dgrade.task=2").find());
        assertTrue(GRADE_FLAG.matcher("test -Dgrade -Dgrade.task=2").find());
    }
}
