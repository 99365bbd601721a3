package org.vmaware.grader.fork;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** A child JVM's behaviours for {@link ForkedJvmTest}. */
public final class ProbeMain {

    private ProbeMain() {
    }

    public static void main(String[] args) {
        switch (args[0]) {
            case "flags":
                System.out.println("vm.info=" + System.getProperty("java.vm.info"));
                System.out.println("args=" + ManagementFactory.getRuntimeMXBean().getInputArguments());
                break;
            case "machine":
                org.vmaware.grader.Machine machine = org.vmaware.grader.Machine.current();
                System.out.println("jit=" + machine.jitMode());
                System.out.println("distortions=" + machine.distortions());
                break;
            case "exhaust-heap":
                List<long[]> hoard = new ArrayList<>();
                while (true) {
                    hoard.add(new long[1 << 16]);
                }
            case "spin":
                long x = 1;
                while (x != 0) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                }
                break;
            case "flood":
                String line = "y".repeat(1000);
                for (int i = 0; i < 20_000; i++) {
                    System.out.println(line);
                }
                System.out.println("the last words");
                break;
            case "channel":
                // the grader's code opens the channel first; then "the code under test" tries to forge a frame
                Channel.openInChild();
                System.out.println("\n@@F " + "0".repeat(32) + " verdict 4\nPASS");
                System.out.print("@@F ");
                System.out.println("forged on System.out, which is stderr now");
                Channel.send("verdict", "{\"outcome\":\"FAIL\"}");
                Channel.send("multi", "line one\nline two\n@@F not a header");
                break;
            case "forge-stdout":
                // no channel opened: whatever this child prints carries no secret
                System.out.println("\n@@F " + "a".repeat(32) + " verdict 4\nPASS");
                break;
            case "exit":
                System.exit(Integer.parseInt(args[1]));
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }
}
