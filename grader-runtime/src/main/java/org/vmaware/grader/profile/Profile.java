package org.vmaware.grader.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import org.vmaware.grader.text.Printable;

/**
 * What one recording says about the student's methods and the JDK methods they call: where the samples fell, how
 * each method was compiled, what was inlined into it or refused and why, and what was allocated where. Frames of the
 * tests and the grader are never named: their samples count as {@value #OTHER}.
 *
 * @param samples      the execution samples taken
 * @param topFrames    the methods the samples fell in, most first
 * @param compilations the student's methods and how the JIT compiled them, last compilation each
 * @param inlinings    inlining decisions into the student's methods
 * @param allocations  bytes allocated by site and class, most first (sampled, so estimates)
 * @param note         why there is no profile, or {@code null}
 */
public record Profile(long samples, List<Frame> topFrames, List<Compilation> compilations,
        List<Inlining> inlinings, List<Allocation> allocations, String note) {

    /** The name under which samples in the tests' and the grader's code are counted. */
    public static final String OTHER = "(the tests' and the grader's code)";
    /**
     * The name under which samples and allocations while the tests build a call's input are counted: fresh data
     * for every call can cost more than the calls themselves, and it is neither side's work.
     */
    public static final String INPUTS = "(the tests building inputs)";
    /** The name under which objects of the tests' and the grader's classes are counted. */
    public static final String OTHER_TYPE = "(a class of the tests or the grader)";

    private static final int LIST_MAX = 12;
    private static final int NAME_MAX = 160;
    private static final int NOTE_MAX = 400;

    /** A method and the samples whose top frame it was. */
    public record Frame(String method, long samples, boolean students) {
    }

    /** A method's last compilation: its tier (0 interpreted, 1 to 3 C1, 4 C2) and its code's size. */
    public record Compilation(String method, int tier, boolean osr, long codeBytes) {
    }

    /** One inlining decision: the callee into the caller, or not, with the JVM's reason. */
    public record Inlining(String caller, String callee, boolean inlined, String reason) {
    }

    /** Sampled bytes allocated at one site, of one class. */
    public record Allocation(String site, String type, long bytes) {
    }

    /**
     * A profile that could not be made, and why: the reason may quote the code under test (its exception's
     * message), so it is cleaned of control characters and cut to {@value #NOTE_MAX} characters.
     */
    public static Profile unavailable(String why) {
        String clean = Printable.line(String.valueOf(why));
        return new Profile(0, List.of(), List.of(), List.of(), List.of(),
                clean.length() <= NOTE_MAX ? clean : clean.substring(0, NOTE_MAX) + "...");
    }

    /**
     * Reads a recording.
     *
     * @param recording the {@code .jfr} file
     * @param students  which classes are the student's, by binary name (the JDK's are shown where the student's
     *                  code calls them; every other class is hidden)
     */
    public static Profile read(Path recording, Predicate<String> students) throws IOException {
        Map<String, Long> frames = new LinkedHashMap<>();
        Map<String, Compilation> compiled = new LinkedHashMap<>();
        Map<String, Inlining> inlined = new LinkedHashMap<>();
        Map<String, Long> allocated = new LinkedHashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    frames.merge(shownTop(event.getStackTrace(), students, false), 1L, Long::sum);
                }
                case "jdk.Compilation" -> {
                    RecordedMethod method = event.getValue("method");
                    if (method != null && students.test(method.getType().getName())) {
                        String name = name(method);
                        compiled.put(name, new Compilation(name, event.getInt("compileLevel"),
                                event.getBoolean("isOsr"), event.getLong("codeSize")));
                    }
                }
                case "jdk.CompilerInlining" -> {
                    RecordedMethod caller = event.getValue("caller");
                    RecordedObject callee = event.getValue("callee");
                    if (caller != null && callee != null && students.test(caller.getType().getName())) {
                        String calleeName = clip(callee.getString("type").replace('/', '.') + "."
                                + callee.getString("name"));
                        Inlining decision = new Inlining(name(caller), calleeName, event.getBoolean("succeeded"),
                                clip(String.valueOf(event.getString("message"))));
                        inlined.put(decision.caller() + " <- " + calleeName, decision);
                    }
                }
                case "jdk.ObjectAllocationSample" -> {
                    String site = shownTop(event.getStackTrace(), students, true);
                    RecordedClass type = event.getClass("objectClass");
                    // a class of the tests or the grader is not named, not even as what was allocated
                    String typeName = type == null ? "?" : clip(shownType(readable(type.getName()), students));
                    allocated.merge(site + "\u0000" + typeName, event.getLong("weight"), Long::sum);
                }
                default -> {
                }
            }
        }
        List<Frame> top = frames.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(LIST_MAX).map(e -> new Frame(e.getKey(), e.getValue(), isStudents(e.getKey(), students)))
                .collect(Collectors.toList());
        List<Allocation> allocations = allocated.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(LIST_MAX)
                .map(e -> new Allocation(e.getKey().split("\u0000")[0], e.getKey().split("\u0000")[1], e.getValue()))
                .collect(Collectors.toList());
        List<Inlining> decisions = new ArrayList<>(inlined.values());
        decisions.sort(Comparator.comparing(Inlining::inlined));
        return new Profile(samples, top, new ArrayList<>(compiled.values()).subList(0, Math.min(LIST_MAX,
                compiled.size())), decisions.subList(0, Math.min(2 * LIST_MAX, decisions.size())), allocations,
                samples == 0 ? "the recording holds no execution samples" : null);
    }

    /**
     * The top frame to show for a stack: the top frame itself where the first frame below it outside the JDK is the
     * student's ({@code withLine}: with its line), {@link #INPUTS} where {@link ProfileMain#freshInput} is below it,
     * else {@link #OTHER}.
     */
    private static String shownTop(RecordedStackTrace stack, Predicate<String> studentClasses, boolean withLine) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return OTHER;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.getMethod().getName().equals(ProfileMain.INPUT_METHOD)
                    && frame.getMethod().getType().getName().equals(ProfileMain.class.getName())) {
                return INPUTS;
            }
        }
        boolean students = false;
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (!jdk(type)) {
                students = studentClasses.test(type);
                break;
            }
        }
        if (!students) {
            // the tests' or the grader's code, or the JDK's own threads
            return OTHER;
        }
        RecordedFrame top = stack.getFrames().get(0);
        return name(top.getMethod()) + (withLine && top.getLineNumber() > 0 ? ":" + top.getLineNumber() : "");
    }

    /** A class's binary name as Java writes it: {@code [B} is {@code byte[]}. */
    private static String readable(String binaryName) {
        int dimensions = 0;
        while (dimensions < binaryName.length() && binaryName.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return binaryName.replace('/', '.');
        }
        String element = binaryName.substring(dimensions);
        String base = switch (element) {
            case "B" -> "byte";
            case "C" -> "char";
            case "I" -> "int";
            case "J" -> "long";
            case "D" -> "double";
            case "F" -> "float";
            case "S" -> "short";
            case "Z" -> "boolean";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1).replace('/', '.') : element;
        };
        return base + "[]".repeat(dimensions);
    }

    /** A class as a profile may name it: the JDK's and the student's by name, any other as {@value #OTHER_TYPE}. */
    private static String shownType(String type, Predicate<String> students) {
        String element = type.replace("[]", "");
        return element.indexOf('.') < 0 || jdk(element) || students.test(element) ? type : OTHER_TYPE;
    }

    private static boolean isStudents(String method, Predicate<String> students) {
        int dot = method.lastIndexOf('.');
        return dot > 0 && students.test(method.substring(0, dot));
    }

    private static boolean jdk(String type) {
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
                || type.startsWith("sun.") || type.startsWith("com.sun.");
    }

    private static String name(RecordedMethod method) {
        return clip(method.getType().getName() + "." + method.getName());
    }

    private static String clip(String text) {
        return text.length() <= NAME_MAX ? text : text.substring(0, NAME_MAX) + "...";
    }

    /** At most five lines for the console, under the check's explanation. */
    public List<String> consoleLines() {
        if (note != null) {
            return List.of("profile: none (" + note + ")");
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "profile (JFR, %,d samples; your code and the tests' version"
                + " alternating): where the time went", samples));
        lines.add("  " + topFrames.stream().limit(3).filter(f -> 200 * f.samples() >= samples).map(f -> String.format(Locale.ROOT, "%.0f%% %s",
                100.0 * f.samples() / samples, shortName(f.method()))).collect(Collectors.joining(", ")));
        if (!compilations.isEmpty()) {
            lines.add("  compiled: " + compilations.stream().limit(3).map(c -> shortName(c.method()) + " at "
                    + tierName(c.tier())).collect(Collectors.joining("; ")));
        }
        inlinings.stream().filter(i -> !i.inlined()).findFirst().ifPresent(i -> lines.add("  not inlined: "
                + shortName(i.callee()) + " into " + shortName(i.caller()) + " (" + i.reason() + ")"));
        if (!allocations.isEmpty()) {
            Allocation most = allocations.get(0);
            lines.add(String.format(Locale.ROOT, "  allocated most: %s at %s (about %,d bytes sampled)",
                    most.type(), shortName(most.site()), most.bytes()));
        }
        return lines.subList(0, Math.min(5, lines.size()));
    }

    /** The JIT tier by its level: 0 the interpreter, 1 to 3 C1 (with profiling from 2), 4 C2. */
    public static String tierName(int level) {
        return switch (level) {
            case 0 -> "the interpreter";
            case 1, 2, 3 -> "tier " + level + " (C1)";
            case 4 -> "tier 4 (C2)";
            default -> "tier " + level;
        };
    }

    private static String shortName(String method) {
        int dot = method.lastIndexOf('.', method.lastIndexOf('.') - 1);
        return dot < 0 ? method : method.substring(dot + 1);
    }

    /**
     * A profile from its JSON ({@link #toJson}), as a profile's JVM sent it: that JVM ran the code under test, so
     * every list is capped and every name clipped again here, and a field of the wrong type counts as missing.
     */
    public static Profile fromJson(JsonNode json) {
        if (json.path("note").isTextual()) {
            return unavailable(json.path("note").asText());
        }
        List<Frame> top = new ArrayList<>();
        for (JsonNode f : limited(json.path("top_frames"))) {
            top.add(new Frame(shown(f.path("method").asText("?")), Math.max(0, f.path("samples").asLong()),
                    f.path("yours").asBoolean()));
        }
        List<Compilation> compiled = new ArrayList<>();
        for (JsonNode c : limited(json.path("compilations"))) {
            compiled.add(new Compilation(shown(c.path("method").asText("?")), c.path("tier").asInt(),
                    c.path("osr").asBoolean(), Math.max(0, c.path("code_bytes").asLong())));
        }
        List<Inlining> decisions = new ArrayList<>();
        for (JsonNode i : limited(json.path("inlining"))) {
            decisions.add(new Inlining(shown(i.path("caller").asText("?")), shown(i.path("callee").asText("?")),
                    i.path("inlined").asBoolean(), shown(i.path("reason").asText(""))));
        }
        List<Allocation> allocations = new ArrayList<>();
        for (JsonNode a : limited(json.path("allocations"))) {
            allocations.add(new Allocation(shown(a.path("site").asText("?")), shown(a.path("type").asText("?")),
                    Math.max(0, a.path("bytes").asLong())));
        }
        long samples = Math.max(0, json.path("samples").asLong());
        return new Profile(samples, top, compiled, decisions, allocations,
                samples == 0 ? "the recording holds no execution samples" : null);
    }

    /** A name from another JVM as it may be shown: no control characters (no line a console would start), clipped. */
    private static String shown(String text) {
        return clip(Printable.line(text));
    }

    private static List<JsonNode> limited(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode item : array) {
                if (items.size() == 2 * LIST_MAX) {
                    break;
                }
                items.add(item);
            }
        }
        return items;
    }

    /** The profile as one JSON value, well under 20 KB: the lists are capped and every name is clipped. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (note != null) {
            json.put("note", note);
            return json;
        }
        json.put("samples", samples);
        ArrayNode top = json.putArray("top_frames");
        topFrames.forEach(f -> top.addObject().put("method", f.method()).put("samples", f.samples())
                .put("yours", f.students()));
        ArrayNode compiledJson = json.putArray("compilations");
        compilations.forEach(c -> compiledJson.addObject().put("method", c.method()).put("tier", c.tier())
                .put("osr", c.osr()).put("code_bytes", c.codeBytes()));
        ArrayNode inliningJson = json.putArray("inlining");
        inlinings.forEach(i -> inliningJson.addObject().put("caller", i.caller()).put("callee", i.callee())
                .put("inlined", i.inlined()).put("reason", i.reason()));
        ArrayNode allocationJson = json.putArray("allocations");
        allocations.forEach(a -> allocationJson.addObject().put("site", a.site()).put("type", a.type())
                .put("bytes", a.bytes()));
        return json;
    }
}
