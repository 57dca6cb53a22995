package dev.hypercare.slo;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypercare.BadInputException;
import dev.hypercare.yaml.FieldLocator;
import dev.hypercare.yaml.StrictYaml;
import dev.hypercare.yaml.YamlDocument;
import dev.hypercare.yaml.YamlErrors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one SLO policy that judges load tests and probes (profiles/slo.yaml, documented in
 * profiles/SLO.md): defaults, then the thresholds in the order they are reported. Loaded strictly:
 * every problem is one line {@code file:line: field.path: expected X, found Y}.
 */
public record SloPolicy(int version, long minSamples, Duration evaluationStep, boolean excludeRamps, List<Threshold> thresholds) {
    private static final ObjectMapper MAPPER = StrictYaml.mapper();
    private static final Pattern UNQUOTED_LEVEL = Pattern.compile("\\s*(?:-\\s+)?(target|warn|critical|rollback|escalate):\\s*(>[^>|].*)");

    public SloPolicy {
        thresholds = List.copyOf(thresholds);
    }

    public static SloPolicy load(Path file) {
        return parse(file.toString(), StrictYaml.readFile(file, "an SLO policy"));
    }

    /** Parses and checks {@code yaml}; {@code source} names it in messages. */
    public static SloPolicy parse(String source, String yaml) {
        unquotedLevel(source, yaml);
        YamlDocument<PolicyFile> document = StrictYaml.read(
                source, yaml, PolicyFile.class, "an SLO policy (a mapping with version, thresholds...)");
        return new PolicyReader(document).read(document.value());
    }

    /**
     * The commonest mistake, {@code warn: > 1%}, is valid YAML only by accident (a folded block) or
     * not at all; name it before the YAML parser gives its own words.
     */
    private static void unquotedLevel(String source, String yaml) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = UNQUOTED_LEVEL.matcher(lines.get(i));
            if (m.matches()) {
                throw new BadInputException(source + ":" + (i + 1) + ": " + m.group(1) + ": expected a level in quotes like \"> 1%\""
                        + " (YAML reads a bare > as a folded block), found " + m.group(2).strip());
            }
        }
    }

    /** {@link #withOverrides(String, Map)} for overrides whose origin needs no name. */
    public SloPolicy withOverrides(Map<String, Object> overrides) {
        return withOverrides("profile", overrides);
    }

    /**
     * This policy changed by a profile's {@code policy:} section, checked as strictly as the file:
     * {@code minSamples}, {@code evaluationStep}, {@code excludeRamps} replace the defaults;
     * {@code thresholds} maps a threshold's name to the fields that replace its own (a level written
     * {@code none} is removed), or adds a threshold under a new name. {@code origin} (the profile's file)
     * starts each message, since bound maps carry no lines.
     */
    public SloPolicy withOverrides(String origin, Map<String, Object> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, Object> tree = Map.of("policy", overrides);
        FieldLocator at = FieldLocator.of(origin, tree);
        PolicyFile.InProfile bound;
        try {
            bound = MAPPER.convertValue(tree, PolicyFile.InProfile.class);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException mapping) {
                throw YamlErrors.binding(at, mapping);
            }
            throw new BadInputException(origin + ": policy: " + e.getMessage().lines().findFirst().orElse("invalid"));
        }
        return new PolicyReader(at).override(this, bound.policy());
    }

    public Optional<Threshold> threshold(String name) {
        return thresholds.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The samples {@code threshold} needs before it can say anything: its own minimum, else the policy's. */
    public long minSamplesFor(Threshold threshold) {
        return threshold.minSamples().orElse(minSamples);
    }
}
