package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProberWarmUpTest {
    @Test
    void theWarmUpProbeSucceedsAgainstItsOwnLoopbackServer() {
        ProbeResult result = ProberWarmUp.run();
        assertThat(result.success()).as(result.message()).isTrue();
        assertThat(result.conditions()).hasSize(4).allSatisfy(c -> assertThat(c.ok()).isTrue());
    }
}
