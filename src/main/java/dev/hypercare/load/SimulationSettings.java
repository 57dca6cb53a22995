package dev.hypercare.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher hands the forked Gatling JVM: the resolved profile file and, when the target is
 * the embedded one, its admin URL (for a target-triggered reconnect storm). The admin token travels in
 * the environment, never on a command line where {@code ps} would show it.
 */
public record SimulationSettings(Path profile, Optional<String> adminUrl) {
    public static final String PROFILE_PROPERTY = "hypercare.profile";
    public static final String TARGET_PROPERTY = "hypercare.target";
    public static final String ADMIN_URL_PROPERTY = "hypercare.admin.url";
    public static final String ADMIN_TOKEN_ENV = "HYPERCARE_TARGET_ADMIN_TOKEN";
    /** Used when a simulation runs without the launcher ({@code ./mvnw gatling:test}). */
    public static final String DEFAULT_PROFILE = "profiles/smoke.yaml";

    public List<String> jvmProperties() {
        List<String> props = new ArrayList<>();
        props.add("-D" + PROFILE_PROPERTY + "=" + profile);
        adminUrl.ifPresent(url -> props.add("-D" + ADMIN_URL_PROPERTY + "=" + url));
        return props;
    }

    /** Read back inside the Gatling JVM. */
    public static SimulationSettings fromSystem() {
        return new SimulationSettings(
                Path.of(System.getProperty(PROFILE_PROPERTY, DEFAULT_PROFILE)),
                Optional.ofNullable(System.getProperty(ADMIN_URL_PROPERTY)));
    }

    public static Optional<String> adminToken(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(ADMIN_TOKEN_ENV)).filter(t -> !t.isBlank());
    }
}
