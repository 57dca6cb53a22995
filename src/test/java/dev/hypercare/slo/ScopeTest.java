package dev.hypercare.slo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"http", "websocket", "request:health: combined", "group:checkout", "probe:home", "probes"})
    void everyScopeReadsBackAsWritten(String written) {
        assertThat(Scope.parse(written).orElseThrow().written()).isEqualTo(written);
    }

    @Test
    void probesIsEveryProbeTogether() {
        assertThat(Scope.parse(" probes ")).contains(new Scope.Probes());
        assertThat(new Scope.Probes().label()).isEqualTo("probes");
        assertThat(Scope.parse("probes:home")).isEmpty();
        assertThat(Scope.parse("probe")).isEmpty();
        assertThat(Scope.WRITTEN_FORMS).endsWith("probe:NAME or probes");
    }
}
