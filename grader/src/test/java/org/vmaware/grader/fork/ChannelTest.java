package org.vmaware.grader.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/**
 * The grader's one channel from a child JVM: only frames tagged with the child's secret arrive, whatever the code
 * under test prints (attack x07's class: a verdict line forged on the shared output).
 */
class ChannelTest {

    @Test
    void onlyTaggedFramesArrive() {
        List<Channel.Frame> frames = new CopyOnWriteArrayList<>();
        ForkedJvm.Result result = ForkedJvm.main(ProbeMain.class.getName()).args("channel").channel(frames::add).run();
        assertTrue(result.ok(), result::output);
        assertEquals(List.of(new Channel.Frame("verdict", "{\"outcome\":\"FAIL\"}"),
                new Channel.Frame("multi", "line one\nline two\n@@F not a header"),
                new Channel.Frame(Channel.EXIT_REQUESTED, "")), frames);
        assertTrue(result.output().contains("forged on System.out"), "System.out goes to the capped output: "
                + result.output());
    }

    @Test
    void aChildWithoutTheSecretSendsNothing() {
        List<Channel.Frame> frames = new CopyOnWriteArrayList<>();
        ForkedJvm.Result result = ForkedJvm.main(ProbeMain.class.getName()).args("forge-stdout").channel(frames::add)
                .run();
        assertTrue(result.ok(), result::output);
        assertEquals(List.of(), frames, "a frame with a made-up secret is dropped");
    }
}
