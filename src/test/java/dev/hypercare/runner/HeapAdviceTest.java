package dev.hypercare.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapAdviceTest {
    private static final long MB = 1 << 20;

    @Test
    void theDefaultHeapHoldsAThousandProbesButNotTwoThousand() {
        assertThat(HeapAdvice.check(1_000, 256 * MB)).isEmpty();
        assertThat(HeapAdvice.check(2_000, 256 * MB)).hasValueSatisfying(warning -> assertThat(warning)
                .isEqualTo("hypercare probe: warning: 2000 probes need about 378 MB of heap after a week; this JVM has 256 MB."
                        + " Set HYPERCARE_JAVA_OPTS=-Xmx378m (the default for probe is -Xmx256m)."));
    }

    @Test
    void theNeedGrowsWithTheProbesFromAFixedBase() {
        assertThat(HeapAdvice.neededBytes(0)).isEqualTo(96 * MB);
        assertThat(HeapAdvice.neededBytes(1_000) - HeapAdvice.neededBytes(0)).isEqualTo(1_000 * 96L * 1024 * 3 / 2);
        assertThat(HeapAdvice.check(4, 128 * MB)).as("the demo's 4 probes fit a small heap").isEmpty();
        assertThat(HeapAdvice.check(4, 96 * MB)).as("but not one below the base").isPresent();
    }
}
