package dev.hypercare.load;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost", "https://127.1.2.3", "http://[::1]:9000/app"})
    void loopbackIsAlwaysAllowed(String url) {
        assertThatCode(() -> TargetSafety.check("--target", URI.create(url), List.of(), List.of(), "smoke")).doesNotThrowAnyException();
    }

    @Test
    void otherHostsAreRefusedWithTheWayOut() {
        assertThatThrownBy(() -> TargetSafety.check("--target", URI.create("https://shop.example.com"), List.of("staging.example.com"), List.of(), "smoke"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--target: host 'shop.example.com' is neither loopback nor in profile 'smoke' allowedTargets;"
                        + " add it there or pass --allow-target shop.example.com if you mean to load it");
    }

    @Test
    void profileListAndFlagBothAllowAHost() {
        assertThatCode(() -> TargetSafety.check("--target", URI.create("https://Staging.example.com"), List.of("staging.example.com"), List.of(), "x"))
                .doesNotThrowAnyException();
        assertThatCode(() -> TargetSafety.check("--target", URI.create("https://shop.example.com"), List.of(), List.of("shop.example.com"), "x"))
                .doesNotThrowAnyException();
    }

    @Test
    void namesAreNotResolvedSoLookalikesOfLoopbackAreRefused() {
        assertThatThrownBy(() -> TargetSafety.check("--target", URI.create("http://127.0.0.1.example.com"), List.of(), List.of(), "smoke"))
                .isInstanceOf(BadInputException.class);
    }
}
