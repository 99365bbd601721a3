package org.vmaware.grader.supervise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The share of one CPU a cgroup quota leaves this process, as Linux containers and autograders set it (Gradescope's
 * default is ½ CPU): 1 where no quota limits it, or off Linux. The JVM rounds such a quota up to whole processors,
 * so {@code availableProcessors()} says 1 at ½ CPU; time limits need the fraction.
 *
 * <pre>
 * cgroup v2   /proc/self/cgroup "0::/grader"      /sys/fs/cgroup/grader/cpu.max "50000 100000"   -&gt; 0.5
 * cgroup v1   "4:cpu,cpuacct:/box"                /sys/fs/cgroup/cpu/box/cpu.cfs_quota_us 50000, period 100000
 * </pre>
 *
 * <p>A quota set on a parent group limits its children too, so the smallest share on the way to the root counts.</p>
 */
public final class CpuShare {

    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    private CpuShare() {
    }

    /** This process's share, read once per call from {@code /proc/self/cgroup} and the cgroup files. */
    public static double ofThisProcess() {
        try {
            Path self = Path.of("/proc/self/cgroup");
            return Files.isReadable(self) ? of(Files.readAllLines(self), CpuShare::readOrNull) : 1;
        } catch (IOException | RuntimeException e) {
            // no share can be read: time limits stay as they are, which is what a machine without a quota gets
            return 1;
        }
    }

    /**
     * The share that {@code procSelfCgroup}'s lines give, reading cgroup files by absolute path with {@code read}
     * (null for a file that is not there).
     */
    static double of(List<String> procSelfCgroup, Function<Path, String> read) {
        double share = Double.POSITIVE_INFINITY;
        for (String line : procSelfCgroup) {
            String[] parts = line.split(":", 3);
            if (parts.length < 3) {
                continue;
            }
            String path = parts[2].trim();
            if (parts[0].equals("0") && parts[1].isEmpty()) {
                share = Math.min(share, smallest(CGROUPS, path, dir -> v2(read.apply(dir.resolve("cpu.max")))));
            } else if (List.of(parts[1].split(",")).contains("cpu")) {
                for (String mount : List.of("cpu", "cpu,cpuacct", "cpuacct,cpu")) {
                    share = Math.min(share, smallest(CGROUPS.resolve(mount), path, dir -> v1(
                            read.apply(dir.resolve("cpu.cfs_quota_us")), read.apply(dir.resolve("cpu.cfs_period_us")))));
                }
            }
        }
        return Double.isInfinite(share) ? 1 : Math.min(1, share);
    }

    /** The smallest share from the group at {@code path} up to the mount's root. */
    private static double smallest(Path mount, String path, Function<Path, Double> shareIn) {
        double share = Double.POSITIVE_INFINITY;
        Path dir = mount.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
        while (dir != null && dir.startsWith(mount)) {
            share = Math.min(share, shareIn.apply(dir));
            dir = dir.getParent();
        }
        return share;
    }

    /** {@code cpu.max}: "QUOTA PERIOD" or "max PERIOD". */
    private static double v2(String cpuMax) {
        if (cpuMax == null) {
            return Double.POSITIVE_INFINITY;
        }
        String[] fields = cpuMax.trim().split("\\s+");
        return fields.length == 2 && !fields[0].equals("max") ? share(fields[0], fields[1]) : Double.POSITIVE_INFINITY;
    }

    /** {@code cpu.cfs_quota_us} (-1 for none) and {@code cpu.cfs_period_us}. */
    private static double v1(String quota, String period) {
        return quota == null || period == null || quota.trim().startsWith("-") ? Double.POSITIVE_INFINITY
                : share(quota.trim(), period.trim());
    }

    private static double share(String quota, String period) {
        try {
            double p = Double.parseDouble(period);
            return p > 0 ? Double.parseDouble(quota) / p : Double.POSITIVE_INFINITY;
        } catch (NumberFormatException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    private static String readOrNull(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
