package dev.hypercare.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher hands the forked Gatling JVM: the resolved profile file, the hosts allowed on the
 * command line and, when the target is the embedded one, its admin URL (for a target-triggered
 * reconnect storm). The admin token travels in the environment, never on a command line where
 * {@code ps} would show it. Run by hand, the simulation reads the same properties, plus a target and a
 * WebSocket URL that override the profile's.
 */
public record SimulationSettings(Path profile, List<String> allowTargets, Optional<String> adminUrl) {
    public static final String PROFILE_PROPERTY = "hypercare.profile";
    public static final String TARGET_PROPERTY = "hypercare.target";
    public static final String WEBSOCKET_URL_PROPERTY = "hypercare.websocket.url";
    public static final String ALLOW_TARGETS_PROPERTY = "hypercare.allowTargets";
    public static final String ADMIN_URL_PROPERTY = "hypercare.admin.url";
    public static final String ADMIN_TOKEN_ENV = "HYPERCARE_TARGET_ADMIN_TOKEN";
    /** Used when a simulation runs without the launcher ({@code ./mvnw gatling:test}). */
    public static final String DEFAULT_PROFILE = "profiles/smoke.yaml";

    public List<String> jvmProperties() {
        List<String> props = new ArrayList<>();
        props.add("-D" + PROFILE_PROPERTY + "=" + profile);
        if (!allowTargets.isEmpty()) {
            props.add("-D" + ALLOW_TARGETS_PROPERTY + "=" + String.join(",", allowTargets));
        }
        adminUrl.ifPresent(url -> props.add("-D" + ADMIN_URL_PROPERTY + "=" + url));
        return props;
    }

    /** Read back inside the Gatling JVM. */
    public static SimulationSettings fromSystem() {
        String allowed = System.getProperty(ALLOW_TARGETS_PROPERTY, "");
        return new SimulationSettings(
                Path.of(System.getProperty(PROFILE_PROPERTY, DEFAULT_PROFILE)),
                allowed.isBlank() ? List.of() : List.of(allowed.split(",")),
                Optional.ofNullable(System.getProperty(ADMIN_URL_PROPERTY)));
    }

    public SimulationSettings {
        allowTargets = List.copyOf(allowTargets);
    }

    public static Optional<String> adminToken(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(ADMIN_TOKEN_ENV)).filter(t -> !t.isBlank());
    }
}
