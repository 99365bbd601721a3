package org.vmaware.grader;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the grading JVM runs on, as every verdict reports it: CPUs, JVM, JIT mode, GC, heap, and anything in the
 * JVM that distorts timings (a debugger or a Java agent, as an IDE or a coverage tool adds).
 */
public final class Machine {

    private static final Machine CURRENT = new Machine();

    private final int cpus;
    private final String jvm;
    private final String jitMode;
    private final String gc;
    private final long maxHeapMb;
    private final List<String> flags;
    private final List<String> distortions;

    private Machine() {
        cpus = Runtime.getRuntime().availableProcessors();
        jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version", System.getProperty("java.version"));
        flags = List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments());
        jitMode = jitMode(flags);
        gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining("+"));
        maxHeapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        List<String> found = new ArrayList<>();
        for (String flag : flags) {
            if (flag.startsWith("-agentlib:jdwp") || flag.startsWith("-Xrunjdwp")) {
                found.add("a debugger is attached (" + flag + "): timings are slower and uneven");
            } else if (flag.startsWith("-javaagent:") || flag.startsWith("-agentpath:") || flag.startsWith("-agentlib:")) {
                found.add("a Java agent is loaded (" + shorten(flag) + "), as coverage tools do: timings are distorted");
            }
        }
        distortions = List.copyOf(found);
    }

    /** The machine of this JVM. */
    public static Machine current() {
        return CURRENT;
    }

    private static String jitMode(List<String> flags) {
        String mode = "C2 (tiered)";
        for (String flag : flags) {
            if (flag.equals("-Xint")) {
                return "interpreter only (-Xint)";
            }
            if (flag.equals("-XX:TieredStopAtLevel=1")) {
                mode = "C1 only (-XX:TieredStopAtLevel=1)";
            } else if (flag.equals("-XX:-TieredCompilation")) {
                mode = "C2 only (-XX:-TieredCompilation)";
            }
        }
        return mode;
    }

    private static String shorten(String flag) {
        return flag.length() > 80 ? flag.substring(0, 77) + "..." : flag;
    }

    public int cpus() {
        return cpus;
    }

    public String jvm() {
        return jvm;
    }

    public String jitMode() {
        return jitMode;
    }

    public List<String> flags() {
        return flags;
    }

    /** Debuggers and agents found in this JVM, each as a warning sentence; empty when timings can be trusted. */
    public List<String> distortions() {
        return distortions;
    }

    /** One line for a failure message or a report footer. */
    public String describe() {
        return String.format(Locale.ROOT, "%d CPU%s, %s, %s, %s, heap %d MB", cpus, cpus == 1 ? "" : "s", jvm, jitMode,
                gc, maxHeapMb);
    }

    /** The provenance a disputed grade needs to be re-run. */
    public Map<String, Object> provenance() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cpus", cpus);
        map.put("jvm", jvm);
        map.put("java_home", System.getProperty("java.home"));
        map.put("jit", jitMode);
        map.put("gc", gc);
        map.put("max_heap_mb", maxHeapMb);
        map.put("jvm_flags", flags);
        map.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        if (!distortions.isEmpty()) {
            map.put("distortions", distortions);
        }
        return map;
    }
}
