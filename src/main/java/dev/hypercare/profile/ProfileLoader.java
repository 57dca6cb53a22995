package dev.hypercare.profile;

import dev.hypercare.DurationText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.hypercare.BadInputException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a traffic profile strictly. Every problem is one line naming the file, the line and the field,
 * what was expected and what was found, e.g.
 * {@code profiles/x.yaml:7: http.usersPerSecond: expected a number >= 0, found -5}.
 */
public final class ProfileLoader {
    private static final ObjectMapper YAML = ProfileYaml.mapper();
    private static final String DUPLICATE = "Duplicate field '";

    private ProfileLoader() {}

    public static TrafficProfile load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": expected a profile file, found no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the profile: " + e.getMessage());
        }
        return parse(file.toString(), yaml);
    }

    /** Parses and validates {@code yaml}; {@code source} names it in messages. */
    public static TrafficProfile parse(String source, String yaml) {
        if (yaml.isBlank()) {
            throw new BadInputException(source + ":1: expected a profile (a mapping with name, phases, http...), found an empty file");
        }
        YamlIndex index;
        try {
            index = YamlIndex.of(yaml);
        } catch (IOException e) {
            throw syntaxError(source, e);
        }
        TrafficProfile profile;
        try {
            profile = YAML.readValue(yaml, TrafficProfile.class);
        } catch (JsonMappingException e) {
            throw bindingError(source, index, e);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        }
        new ProfileValidator(path -> source + ":" + index.line(path)).validate(profile);
        return profile;
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

    private static BadInputException syntaxError(String source, IOException e) {
        int line = e instanceof StreamReadException s && s.getLocation() != null ? s.getLocation().getLineNr() : 1;
        String detail = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        String firstLine = detail == null ? "unreadable" : detail.lines().findFirst().orElse(detail);
        return new BadInputException(source + ":" + line + ": expected valid YAML, found " + firstLine);
    }

    private static BadInputException bindingError(String source, YamlIndex index, JsonMappingException e) {
        String path = FieldPath.of(e.getPath());
        String where = source + ":" + index.line(path) + ": " + (path.isEmpty() ? "" : path + ": ");
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new BadInputException(where + "unknown field, expected one of " + fieldsOf(unknown));
        }
        String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (detail.startsWith(DUPLICATE)) {
            String field = FieldPath.child(path, detail.substring(DUPLICATE.length(), detail.indexOf('\'', DUPLICATE.length())));
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : index.line(field);
            return new BadInputException(source + ":" + line + ": " + field + ": expected each field once, found it twice");
        }
        String found = index.entry(path).map(YamlIndex.Entry::written).orElse("something else");
        if (e instanceof ExpectedValueException expected) {
            return new BadInputException(where + "expected " + expected.expected + ", found " + found);
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            return new BadInputException(where + "expected " + describe(format.getTargetType()) + ", found " + found);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new BadInputException(where + "expected " + describe(mismatch.getTargetType()) + ", found " + found);
        }
        return new BadInputException(where + detail.lines().findFirst().orElse("invalid value"));
    }

    /** The fields the user could have meant, in the order the schema declares them. */
    private static String fieldsOf(UnrecognizedPropertyException unknown) {
        Class<?> type = unknown.getReferringClass();
        if (type != null && type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", "));
        }
        return unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return DurationText.EXPECTED;
        }
        if (type == URI.class) {
            return ProfileYaml.EXPECTED_URL;
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping";
        }
        return "a " + type.getSimpleName();
    }
}
