package dev.hypercare.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypercare.yaml.StrictYaml;
import dev.hypercare.yaml.YamlDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a traffic profile strictly. Every problem is one line naming the file, the line and the field,
 * what was expected and what was found, e.g.
 * {@code profiles/x.yaml:7: http.usersPerSecond: expected a number >= 0, found -5}.
 */
public final class ProfileLoader {
    private static final ObjectMapper YAML = StrictYaml.mapper();

    private ProfileLoader() {}

    public static TrafficProfile load(Path file) {
        return parse(file.toString(), StrictYaml.readFile(file, "a profile"));
    }

    /** Parses and validates {@code yaml}; {@code source} names it in messages. */
    public static TrafficProfile parse(String source, String yaml) {
        YamlDocument<TrafficProfile> document = StrictYaml.read(
                source, yaml, TrafficProfile.class, "a profile (a mapping with name, phases, http...)");
        new ProfileValidator(document::where).validate(document.value());
        return document.value();
    }

    /**
     * Checks a profile changed after loading ({@code --scale}, {@code --duration}, {@code --target});
     * {@code origin} says what changed it, for the message.
     */
    public static TrafficProfile revalidate(TrafficProfile profile, String origin) {
        new ProfileValidator(path -> origin).validate(profile);
        return profile;
    }

    /** Writes the profile as it will run (the resolved profile of a run directory). */
    public static void write(TrafficProfile profile, Path file) throws IOException {
        Files.writeString(file, YAML.writeValueAsString(profile), StandardCharsets.UTF_8);
    }
}
