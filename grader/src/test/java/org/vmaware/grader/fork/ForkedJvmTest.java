package org.vmaware.grader.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ForkedJvmTest {

    @Test
    void childGetsItsFlags() {
        ForkedJvm.Result result = ForkedJvm.main(ProbeMain.class.getName()).flags("-Xint").args("flags").run();
        assertTrue(result.ok(), result::output);
        assertTrue(result.output().contains("interpreted mode"), result::output);
        assertTrue(result.output().contains("-Xint"), result::output);
    }

    @Test
    void smallHeapRunsOutOfMemory() {
        ForkedJvm.Result result = ForkedJvm.main(ProbeMain.class.getName()).flags("-Xmx64m").args("exhaust-heap")
                .run();
        assertFalse(result.ok());
        assertTrue(result.output().contains("OutOfMemoryError"), result::output);
    }

    @Test
    void endlessChildIsKilledAtItsLimit() {
        long start = System.nanoTime();
        ForkedJvm.Result result = ForkedJvm.main(ProbeMain.class.getName()).args("spin")
                .timeout(Duration.ofSeconds(2)).run();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(result.timedOut());
        assertEquals(-1, result.exitCode());
        assertTrue(seconds < 15, "took " + seconds + " s");
    }

    @Test
    void outputIsDrainedAndCapped() {
        ForkedJvm.Result result = ForkedJvm.main(ProbeMain.class.getName()).args("flood").outputLimit(10_000).run();
        assertTrue(result.ok(), "the child must not block on a full pipe");
        assertTrue(result.output().startsWith("yyy"), "the head is kept");
        assertTrue(result.output().strip().endsWith("the last words"), "the tail is kept: why a child ended is there");
        assertTrue(result.output().contains("bytes dropped"), "the cut is marked");
        assertTrue(result.output().length() < 10_100, "at most the limit, and the mark: " + result.output().length());
        assertTrue(result.droppedBytes() > 19_000_000L, "dropped " + result.droppedBytes());
    }

    @Test
    void exitStatusComesBack() {
        ForkedJvm.Result result = ForkedJvm.main(ProbeMain.class.getName()).args("exit", "3").run();
        assertEquals(3, result.exitCode());
        assertFalse(result.timedOut());
    }
}
