package dev.hypercare.yaml;

import dev.hypercare.BadInputException;
import java.util.List;
import java.util.Map;

/**
 * Says where a field was written and how, for messages raised after binding: a YAML file gives
 * {@code file:line} and the text on that line; a value that came from elsewhere (a profile's
 * {@code policy:} section, already bound to maps) gives its origin and the value as bound.
 */
public interface FieldLocator {
    /** {@code x.yaml:7}, or the origin when there are no lines. */
    String where(String path);

    /** How the value at {@code path} was written: {@code '5 minutes'}, {@code 30}, {@code a mapping}, {@code nothing}. */
    String written(String path);

    /** The one-line error for {@code path}, showing what was written there. */
    default BadInputException problem(String path, String expected) {
        return problem(path, expected, written(path));
    }

    default BadInputException problem(String path, String expected, String found) {
        return new BadInputException(where(path) + ": " + path + ": expected " + expected + ", found " + found);
    }

    /** Throws {@link #problem(String, String)} unless {@code ok}. */
    default void require(boolean ok, String path, String expected) {
        if (!ok) {
            throw problem(path, expected);
        }
    }

    default void require(boolean ok, String path, String expected, String found) {
        if (!ok) {
            throw problem(path, expected, found);
        }
    }

    /** Fields of {@code tree} (maps, lists and scalars as Jackson binds YAML), all located at {@code origin}. */
    static FieldLocator of(String origin, Object tree) {
        return new FieldLocator() {
            @Override
            public String where(String path) {
                return origin;
            }

            @Override
            public String written(String path) {
                return describe(lookup(tree, path));
            }
        };
    }

    /** Follows {@code a.b[2].c} down maps and lists; keys may themselves hold dots ("threshold names"). */
    private static Object lookup(Object node, String path) {
        if (path.isEmpty()) {
            return node;
        }
        if (path.startsWith("[") && node instanceof List<?> list) {
            int close = path.indexOf(']');
            int index = Integer.parseInt(path.substring(1, close));
            String rest = path.substring(close + 1);
            return index < list.size() ? lookup(list.get(index), rest.startsWith(".") ? rest.substring(1) : rest) : null;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (path.equals(key)) {
                    return e.getValue();
                }
                if (path.startsWith(key + ".") || path.startsWith(key + "[")) {
                    String rest = path.substring(key.length());
                    Object found = lookup(e.getValue(), rest.startsWith(".") ? rest.substring(1) : rest);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "nothing";
            case String s -> "'" + s + "'";
            case Map<?, ?> m -> "a mapping";
            case List<?> l -> "a list";
            default -> String.valueOf(value);
        };
    }
}
