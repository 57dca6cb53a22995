package dev.hypercare.profile;

import dev.hypercare.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds a profile by name in {@code <home>/profiles/} ({@code smoke}) or by path ({@code my/launch.yaml}). */
public final class ProfileLocator {
    private final Path profilesDir;

    public ProfileLocator(Path home) {
        this.profilesDir = home.resolve("profiles");
    }

    public Path locate(String nameOrPath) {
        Path asPath = Path.of(nameOrPath);
        if (Files.isRegularFile(asPath)) {
            return asPath;
        }
        Path named = profilesDir.resolve(nameOrPath + ".yaml");
        if (!nameOrPath.contains("/") && Files.isRegularFile(named)) {
            return named;
        }
        throw new BadInputException("--profile: expected a profile name (" + available() + ") or a YAML file, found '" + nameOrPath + "'");
    }

    private String available() {
        try (Stream<Path> files = Files.list(profilesDir)) {
            String names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("slo.yaml") && !n.equals("probes.yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .collect(Collectors.joining(", "));
            return names.isEmpty() ? "none in " + profilesDir : names;
        } catch (IOException e) {
            return "none: " + profilesDir + " is not readable";
        }
    }
}
