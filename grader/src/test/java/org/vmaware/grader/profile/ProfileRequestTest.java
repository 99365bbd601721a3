package org.vmaware.grader.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A profile request comes from a JVM that ran the code under test: only the labs' JIT switches pass. */
class ProfileRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"-Xint", "-XX:TieredStopAtLevel=1", "-XX:-Inline", "-XX:MaxInlineSize=0",
        "-XX:-TieredCompilation"})
    void theLabsJitSwitchesPass(String flag) {
        assertNull(request("org.vmaware.lab01.grading.SeedLoopComparison$UnrollOpt", flag).refusal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-javaagent:/tmp/agent.jar", "-XX:OnError=sh -c id", "-XX:+UnlockDiagnosticVMOptions",
        "-Djava.security.manager=allow", "-XX:TieredStopAtLevel=1 -javaagent:x", "-cp", "--add-opens=java.base/x=y"})
    void anyOtherFlagIsRefused(String flag) {
        assertNotNull(request("org.vmaware.lab01.grading.SeedLoopComparison$UnrollOpt", flag).refusal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "org.vmaware.X; rm -rf /", "../Evil", "a..b", "-version"})
    void aNameThatIsNoClassIsRefused(String name) {
        assertNotNull(request(name).refusal());
    }

    @org.junit.jupiter.api.Test
    void aRequestWithoutAComparisonIsNone() throws Exception {
        assertNull(ProfileRequest.of(JSON.readTree("{\"flags\":[],\"seed\":1}")));
        assertNull(ProfileRequest.of(JSON.readTree("{\"comparison\":\"a.B\",\"seed\":\"x\"}")));
        ProfileRequest request = ProfileRequest.of(JSON.readTree(
                "{\"comparison\":\"a.B\",\"flags\":[\"-Xint\"],\"seed\":7}"));
        assertEquals(new ProfileRequest("a.B", List.of("-Xint"), 7), request);
    }

    private static ProfileRequest request(String comparison, String... flags) {
        return new ProfileRequest(comparison, List.of(flags), 1);
    }
}
