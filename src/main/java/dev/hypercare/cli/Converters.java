package dev.hypercare.cli;

import dev.hypercare.profile.DurationText;
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
            String expected = "expected an absolute http(s) URL like https://staging.example.com, found '" + value + "'";
            try {
                URI uri = new URI(value.trim());
                if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                    throw new CommandLine.TypeConversionException(expected);
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new CommandLine.TypeConversionException(expected);
            }
        }
    }
}
