package org.vmaware.grader.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CpuShareTest {

    @Test
    void cgroupV2QuotaOfTheGroupOrAParent() {
        Map<String, String> files = Map.of("/sys/fs/cgroup/grader/cpu.max", "50000 100000\n",
                "/sys/fs/cgroup/grader/job/cpu.max", "max 100000\n");
        assertEquals(0.5, CpuShare.of(List.of("0::/grader/job"), p -> files.get(p.toString())), 1e-9);
    }

    @Test
    void cgroupV1QuotaUnderEitherMountName() {
        Map<String, String> files = Map.of("/sys/fs/cgroup/cpu,cpuacct/box/cpu.cfs_quota_us", "25000\n",
                "/sys/fs/cgroup/cpu,cpuacct/box/cpu.cfs_period_us", "100000\n",
                "/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "-1\n",
                "/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000\n");
        assertEquals(0.25, CpuShare.of(List.of("12:memory:/box", "4:cpu,cpuacct:/box"),
                p -> files.get(p.toString())), 1e-9);
    }

    @Test
    void noQuotaIsAWholeCpuAndMoreThanOneCpuCountsAsOne() {
        assertEquals(1, CpuShare.of(List.of("0::/"), p -> null));
        assertEquals(1, CpuShare.of(List.of("0::/big"), p -> p.equals(Path.of("/sys/fs/cgroup/big/cpu.max"))
                ? "400000 100000" : null));
        assertEquals(1, CpuShare.of(List.of("garbage"), p -> "nonsense"));
    }
}
