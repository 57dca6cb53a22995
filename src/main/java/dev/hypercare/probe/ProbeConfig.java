package dev.hypercare.probe;

import dev.hypercare.alert.ChannelSpec;

import dev.hypercare.BadInputException;
import dev.hypercare.yaml.StrictYaml;
import dev.hypercare.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The probes of profiles/probes.yaml (documented in profiles/PROBES.md), loaded strictly: every problem
 * is one line {@code file:line: field.path: expected X, found Y}. {@code env} is the environment the
 * probes will run with: a {@code ${NAME}} it lacks is an error now, not at the first run.
 */
public record ProbeConfig(String service, Evaluation evaluation, List<ProbeSpec> probes, List<ChannelSpec> alerts) {
    public static final String DEFAULT_SERVICE = "service";

    private static final Pattern UNQUOTED_CONDITION = Pattern.compile("\\s*(?:-\\s+|expect:\\s+)(\\[[A-Z_]*].*)");

    public ProbeConfig {
        probes = List.copyOf(probes);
        alerts = List.copyOf(alerts);
    }

    /** Just probes, with the default service name, evaluation and no alert channels. */
    public ProbeConfig(List<ProbeSpec> probes) {
        this(DEFAULT_SERVICE, Evaluation.defaults(), probes, List.of());
    }

    public ProbeConfig withProbes(List<ProbeSpec> replaced) {
        return new ProbeConfig(service, evaluation, replaced, alerts);
    }

    public ProbeConfig withAlerts(List<ChannelSpec> replaced) {
        return new ProbeConfig(service, evaluation, probes, replaced);
    }

    public static ProbeConfig load(Path file) {
        return load(file, System.getenv());
    }

    public static ProbeConfig load(Path file, Map<String, String> env) {
        return parse(file.toString(), StrictYaml.readFile(file, "a probes"), env);
    }

    public static ProbeConfig parse(String source, String yaml) {
        return parse(source, yaml, System.getenv());
    }

    /** Parses and checks {@code yaml}; {@code source} names it in messages. */
    public static ProbeConfig parse(String source, String yaml, Map<String, String> env) {
        unquotedCondition(source, yaml);
        YamlDocument<ProbeFile> document = StrictYaml.read(source, yaml, ProbeFile.class, "probes (a mapping with a probes list)");
        return new ProbeReader(document, Map.copyOf(env)).read(document.value());
    }

    public Optional<ProbeSpec> probe(String name) {
        return probes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** {@code - [STATUS] == 200} unquoted is a YAML flow list; name the mistake before YAML gives its own words. */
    private static void unquotedCondition(String source, String yaml) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = UNQUOTED_CONDITION.matcher(lines.get(i));
            if (m.matches()) {
                throw new BadInputException(source + ":" + (i + 1) + ": expected a condition in quotes like '[STATUS] == 200'"
                        + " (YAML reads a bare [ as a list), found " + m.group(1).strip());
            }
        }
    }
}
