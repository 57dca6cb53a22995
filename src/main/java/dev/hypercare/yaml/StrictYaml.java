package dev.hypercare.yaml;

import dev.hypercare.BadInputException;
import dev.hypercare.DurationText;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The strict YAML mapping of every file a user writes (profiles, the SLO policy): unknown fields,
 * duplicate keys and type coercions ("20" for 20, 2.5 for an integer) are errors, durations are
 * written {@code 30s}, URLs must parse. {@link #read} turns every problem into one line naming the
 * file, the line and the field, what was expected and what was found.
 */
public final class StrictYaml {
    public static final String EXPECTED_URL = "an absolute URL";
    private static final ObjectMapper MAPPER = mapper();

    private StrictYaml() {}

    /**
     * Binds {@code yaml} to {@code type}; {@code source} names it in messages and {@code expectedDocument}
     * says what an empty file should have held, e.g. "a profile (a mapping with name, phases, http...)".
     */
    public static <T> YamlDocument<T> read(String source, String yaml, Class<T> type, String expectedDocument) {
        if (yaml.isBlank()) {
            throw new BadInputException(source + ":1: expected " + expectedDocument + ", found an empty file");
        }
        YamlIndex index;
        try {
            index = YamlIndex.of(yaml);
        } catch (IOException e) {
            throw YamlErrors.syntax(source, e);
        }
        try {
            return new YamlDocument<>(MAPPER.readValue(yaml, type), source, index);
        } catch (JsonMappingException e) {
            throw YamlErrors.binding(source, index, e);
        } catch (JsonProcessingException e) {
            throw YamlErrors.syntax(source, e);
        }
    }

    /** A new strict YAML mapper; callers that only read should prefer {@link #read}. */
    public static ObjectMapper mapper() {
        YAMLFactory factory = YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        ObjectMapper mapper = YAMLMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(new SimpleModule("hypercare-strict-yaml")
                        .addDeserializer(Duration.class, new DurationDeserializer())
                        .addSerializer(Duration.class, new DurationSerializer())
                        .addDeserializer(URI.class, new UriDeserializer()))
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Float || type == LogicalType.Integer
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return mapper;
    }

    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new ExpectedValueException(parser, DurationText.EXPECTED);
            }
            return DurationText.parse(parser.getText())
                    .orElseThrow(() -> new ExpectedValueException(parser, DurationText.EXPECTED));
        }
    }

    private static final class DurationSerializer extends JsonSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(DurationText.format(value));
        }
    }

    private static final class UriDeserializer extends JsonDeserializer<URI> {
        @Override
        public URI deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new ExpectedValueException(parser, EXPECTED_URL);
            }
            try {
                return new URI(parser.getText().trim());
            } catch (URISyntaxException e) {
                throw new ExpectedValueException(parser, EXPECTED_URL);
            }
        }
    }

    /** The text of a YAML file; a missing or unreadable file is one line naming it and {@code what} it should be. */
    public static String readFile(java.nio.file.Path file, String what) {
        try {
            return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new dev.hypercare.BadInputException(file + ": expected " + what + " file, found no such file");
        } catch (java.io.IOException e) {
            throw new dev.hypercare.BadInputException(file + ": cannot read " + what + ": " + e.getMessage());
        }
    }
}
