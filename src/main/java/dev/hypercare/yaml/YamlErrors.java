package dev.hypercare.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.hypercare.BadInputException;
import dev.hypercare.DurationText;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Jackson's exceptions as the one-line messages users get:
 * {@code file:line: field.path: expected X, found Y}. Jackson's own wording never reaches the user
 * except as the last resort for a syntax error, cut to its first line.
 */
public final class YamlErrors {
    private static final String DUPLICATE = "Duplicate field '";

    private YamlErrors() {}

    /** The document is not YAML at all. */
    public static BadInputException syntax(String source, IOException e) {
        int line = e instanceof StreamReadException s && s.getLocation() != null ? s.getLocation().getLineNr() : 1;
        String detail = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        String firstLine = detail == null ? "unreadable" : detail.lines().findFirst().orElse(detail);
        return new BadInputException(source + ":" + line + ": expected valid YAML, found " + firstLine);
    }

    /** The document is YAML but does not fit the schema. */
    public static BadInputException binding(String source, YamlIndex index, JsonMappingException e) {
        String path = FieldPath.of(e.getPath());
        String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (detail.startsWith(DUPLICATE)) {
            String field = FieldPath.child(path, detail.substring(DUPLICATE.length(), detail.indexOf('\'', DUPLICATE.length())));
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : index.line(field);
            return new BadInputException(source + ":" + line + ": " + field + ": expected each field once, found it twice");
        }
        return binding(new YamlDocument<>(null, source, index), e);
    }

    /** Values bound from elsewhere (maps converted to records) that do not fit the schema. */
    public static BadInputException binding(FieldLocator locator, JsonMappingException e) {
        String path = FieldPath.of(e.getPath());
        String where = locator.where(path) + ": " + (path.isEmpty() ? "" : path + ": ");
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new BadInputException(where + "unknown field, expected one of " + fieldsOf(unknown));
        }
        String found = locator.written(path);
        if (e instanceof ExpectedValueException expected) {
            return new BadInputException(where + "expected " + expected.expected() + ", found " + found);
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            return new BadInputException(where + "expected " + describe(format.getTargetType()) + ", found " + found);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new BadInputException(where + "expected " + describe(mismatch.getTargetType()) + ", found " + found);
        }
        String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
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

    /** A Java type as the "expected" part of a message: "an integer", "a list", "one of a, b". */
    public static String describe(Class<?> type) {
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
            return StrictYaml.EXPECTED_URL;
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
