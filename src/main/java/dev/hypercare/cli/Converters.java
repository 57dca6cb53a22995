package dev.hypercare.cli;

import dev.hypercare.DurationText;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import picocli.CommandLine;

/** Flag value converters whose errors say what was expected, like profile errors do. */
final class Converters {
    private Converters() {}

    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return DurationText.parse(value).orElseThrow(() ->
                    new CommandLine.TypeConversionException("expected " + DurationText.EXPECTED + ", found '" + value + "'"));
        }
    }

    static final class HttpUrlConverter implements CommandLine.ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            return absoluteUrl(value, "(?i)https?", "an absolute http(s) URL like https://staging.example.com");
        }
    }

    static final class WebSocketUrlConverter implements CommandLine.ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            return absoluteUrl(value, "(?i)wss?", "an absolute ws(s) URL like wss://staging.example.com/ws");
        }
    }

    private static URI absoluteUrl(String value, String schemes, String expected) {
        String message = "expected " + expected + ", found '" + value + "'";
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || !uri.getScheme().matches(schemes) || uri.getHost() == null) {
                throw new CommandLine.TypeConversionException(message);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CommandLine.TypeConversionException(message);
        }
    }
}
