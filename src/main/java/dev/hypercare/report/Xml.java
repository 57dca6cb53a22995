package dev.hypercare.report;

/**
 * Escaping for XML, and for HTML and SVG written as well-formed XML. Characters XML 1.0 cannot
 * carry at all (control characters, lone surrogates) become U+FFFD rather than breaking the file:
 * error messages come from the target and may hold anything.
 */
public final class Xml {
    private Xml() {}

    /** Text content and attribute values alike (quotes escaped, newlines kept as references). */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                // references, so that attribute values keep them instead of normalising them to spaces
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.appendCodePoint(allowed(c) ? c : 0xFFFD);
            }
        });
        return out.toString();
    }

    private static boolean allowed(int c) {
        return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
