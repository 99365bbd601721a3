package org.vmaware.grader;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.vmaware.grader.fork.ForkedJvm;
import org.vmaware.grader.fork.ProbeMain;

/** What the reports say about the JVM: its JIT tier, and a debugger that would distort timings. */
class MachineTest {

    private static String probe(String... flags) {
        ForkedJvm.Result result = ForkedJvm.main(ProbeMain.class.getName()).flags(flags).args("machine").run();
        assertTrue(result.ok(), result::output);
        return result.output();
    }

    @Test
    void namesTheJitTier() {
        assertTrue(probe("-Xint").contains("jit=interpreter only (-Xint)"));
        assertTrue(probe("-XX:TieredStopAtLevel=1").contains("jit=C1 only"));
        assertTrue(probe().contains("jit=C2 (tiered)"));
    }

    @Test
    void reportsAnAttachedDebugger() {
        String output = probe("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0");
        assertTrue(output.contains("a debugger is attached"), output);
    }

    @Test
    void reportsNothingWhenNothingDistorts() {
        assertTrue(probe().contains("distortions=[]"));
    }
}
