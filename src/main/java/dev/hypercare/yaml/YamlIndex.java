package dev.hypercare.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each value of a YAML document sits, by field path ({@code http.usersPerSecond},
 * {@code allowedTargets[1]}), and how it was written, so that errors found after binding can still
 * name the line and show the text the user wrote.
 */
public final class YamlIndex {
    /** A value's line and its text as written: {@code 'abc'} quoted, numbers bare, {@code a mapping}, {@code nothing}. */
    public record Entry(int line, String written) {}

    private final Map<String, Entry> entries;
    private final Map<String, Integer> keyLines;

    private YamlIndex(Map<String, Entry> entries, Map<String, Integer> keyLines) {
        this.entries = entries;
        this.keyLines = keyLines;
    }

    /** Indexes a document that already parsed once; a syntax error here is rethrown by the caller's parse. */
    public static YamlIndex of(String yaml) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        Deque<Frame> frames = new ArrayDeque<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    Frame frame = frames.peek();
                    frame.field = parser.currentName();
                    keyLines.put(frame.fieldPath(), parser.currentTokenLocation().getLineNr());
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    frames.pop();
                    continue;
                }
                String path = frames.isEmpty() ? "" : frames.peek().childPath();
                int line = parser.currentTokenLocation().getLineNr();
                entries.put(path, new Entry(line, written(parser, token)));
                if (token == JsonToken.START_OBJECT) {
                    frames.push(new Frame(path, false));
                } else if (token == JsonToken.START_ARRAY) {
                    frames.push(new Frame(path, true));
                }
            }
        }
        return new YamlIndex(entries, keyLines);
    }

    public Optional<Entry> entry(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /** The line of the key (or value) at {@code path}, else of its nearest written ancestor, else 1. */
    public int line(String path) {
        String p = path;
        while (true) {
            Integer keyLine = keyLines.get(p);
            if (keyLine != null) {
                return keyLine;
            }
            Entry e = entries.get(p);
            if (e != null) {
                return e.line();
            }
            if (p.isEmpty()) {
                return 1;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    private static String written(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "nothing";
            case VALUE_STRING -> "'" + parser.getText() + "'";
            default -> parser.getText();
        };
    }

    private static final class Frame {
        final String path;
        final boolean list;
        String field;
        int index = -1;

        Frame(String path, boolean list) {
            this.path = path;
            this.list = list;
        }

        String childPath() {
            if (list) {
                index++;
                return path + "[" + index + "]";
            }
            return fieldPath();
        }

        String fieldPath() {
            return path.isEmpty() ? field : path + "." + field;
        }
    }
}
