package dev.hypercare.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypercare.DurationText;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check on what a probe observed, written as in gatus and parsed once when probes.yaml is loaded
 * (gatus re-parses at every run, so a typo surfaces only when the probe fires). Grammar, see profiles/PROBES.md:
 *
 * <pre>
 * condition   = placeholder " "+ operator " "+ literal
 * placeholder = "[STATUS]" | "[RESPONSE_TIME]" | "[CERTIFICATE_EXPIRATION]" | "[BODY]" { "." key | "[" index "]" }
 * operator    = "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * literal     = number | duration | "quoted string" | true | false | null
 * </pre>
 */
public record Condition(String written, Placeholder left, Operator operator, Literal right) {
    static final String EXPECTED = "a condition like '[STATUS] == 200' or '[BODY].status == \"UP\"'";
    private static final Pattern SHAPE = Pattern.compile("(\\[[A-Z_]*](?:\\.[A-Za-z0-9_-]+|\\[\\d{1,6}])*)\\s+(==|!=|<=|>=|<|>)\\s+(.+)");
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_-]+)|\\[(\\d{1,6})]");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}(?:\\.\\d{1,9})?");
    private static final int SHOWN_CHARS = 100;

    /** The condition in {@code text}; a {@link InvalidConditionException} says what was expected. */
    public static Condition parse(String text) {
        String written = text.strip();
        Matcher m = SHAPE.matcher(written);
        if (!m.matches()) {
            throw new InvalidConditionException(written.startsWith("[")
                    ? "'<placeholder> <op> <value>' with <op> one of ==, !=, <, <=, >, >="
                    : EXPECTED);
        }
        Placeholder left = placeholder(m.group(1));
        Operator operator = Operator.ofSymbol(m.group(2)).orElseThrow();
        Literal right = literal(m.group(3).strip());
        typeCheck(left, operator, right);
        return new Condition(written, left, operator, right);
    }

    private static Placeholder placeholder(String text) {
        int close = text.indexOf(']');
        String name = text.substring(0, close + 1);
        String rest = text.substring(close + 1);
        Placeholder placeholder = switch (name) {
            case "[STATUS]" -> new Placeholder.Status();
            case "[RESPONSE_TIME]" -> new Placeholder.ResponseTime();
            case "[CERTIFICATE_EXPIRATION]" -> new Placeholder.CertificateExpiration();
            case "[BODY]" -> new Placeholder.Body(path(rest));
            default -> throw new InvalidConditionException("a placeholder, one of " + Placeholder.WRITTEN_FORMS);
        };
        if (!(placeholder instanceof Placeholder.Body) && !rest.isEmpty()) {
            throw new InvalidConditionException("a path only after [BODY], not after " + name);
        }
        return placeholder;
    }

    private static List<Object> path(String text) {
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(text);
        while (m.find()) {
            steps.add(m.group(1) != null ? m.group(1) : (Object) Integer.parseInt(m.group(2)));
        }
        return steps;
    }

    private static Literal literal(String text) {
        if (text.startsWith("\"")) {
            return new Literal.Text(unquote(text));
        }
        if (NUMBER.matcher(text).matches()) {
            return new Literal.Number(new BigDecimal(text));
        }
        return switch (text) {
            case "true" -> new Literal.Bool(true);
            case "false" -> new Literal.Bool(false);
            case "null" -> new Literal.Null();
            default -> DurationText.parse(text).<Literal>map(Literal.Time::new).orElseThrow(() -> new InvalidConditionException(
                    "a value that is a number, a duration like 500ms, a \"quoted string\", true, false or null, not " + text));
        };
    }

    /** {@code "a \"b\""}: backslash escapes a quote or a backslash; anything after the closing quote is an error. */
    private static String unquote(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(text.charAt(++i));
            } else if (c == '"') {
                if (i != text.length() - 1) {
                    throw new InvalidConditionException("nothing after the closing quote of a string");
                }
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw new InvalidConditionException("a string closed with a quote");
    }

    private static void typeCheck(Placeholder left, Operator operator, Literal right) {
        boolean fits = switch (left) {
            case Placeholder.Status s -> right instanceof Literal.Number n && n.value().stripTrailingZeros().scale() <= 0;
            case Placeholder.ResponseTime r -> right instanceof Literal.Time;
            case Placeholder.CertificateExpiration c -> right instanceof Literal.Time;
            case Placeholder.Body b -> !(right instanceof Literal.Time);
        };
        if (!fits) {
            String wanted = switch (left) {
                case Placeholder.Status s -> "an integer status code";
                case Placeholder.ResponseTime r -> "a duration like 500ms";
                case Placeholder.CertificateExpiration c -> "a duration like 48h";
                case Placeholder.Body b -> "a number, a \"quoted string\", true, false or null";
            };
            throw new InvalidConditionException(wanted + " to compare with " + left.written());
        }
        if (operator.ordering() && !(right instanceof Literal.Number || right instanceof Literal.Time)) {
            throw new InvalidConditionException("== or != to compare with " + right.written() + " (only numbers and durations are ordered)");
        }
    }

    /** Evaluates against {@code seen}; never throws: a value that is missing or not JSON makes the condition fail and says so. */
    public ConditionResult evaluate(Observation seen) {
        Outcome outcome = switch (left) {
            case Placeholder.Status s -> compare(new BigDecimal(seen.status()), Integer.toString(seen.status()));
            case Placeholder.ResponseTime r -> compare(seen.responseTime(), DurationText.format(seen.responseTime()));
            case Placeholder.CertificateExpiration c -> seen.certificateLeft()
                    .map(remaining -> compare(remaining, DurationText.format(remaining.isNegative() ? Duration.ZERO : remaining)))
                    .orElse(new Outcome(false, "no certificate"));
            case Placeholder.Body b -> body(b, seen);
        };
        String resolved = left.written() + " (" + outcome.shown() + ") " + operator.symbol() + " " + right.written();
        return new ConditionResult(written, outcome.ok(), resolved);
    }

    private record Outcome(boolean ok, String shown) {}

    private Outcome compare(BigDecimal actual, String shown) {
        return right instanceof Literal.Number n ? new Outcome(operator.holds(actual.compareTo(n.value())), shown) : mismatch(shown);
    }

    private Outcome compare(Duration actual, String shown) {
        return right instanceof Literal.Time t ? new Outcome(operator.holds(actual.compareTo(t.value())), shown) : mismatch(shown);
    }

    /** Values of different types are never equal, and never ordered. */
    private Outcome mismatch(String shown) {
        return new Outcome(operator == Operator.NE, shown);
    }

    private Outcome body(Placeholder.Body b, Observation seen) {
        if (b.path().isEmpty() && right instanceof Literal.Text text) {
            // the whole body as text: a plain-text health page compares without JSON
            String shown = '"' + Observation.shorten(seen.body(), SHOWN_CHARS) + '"';
            return new Outcome(operator.holds(seen.body().compareTo(text.value()) == 0 ? 0 : 1), shown);
        }
        Optional<JsonNode> root = seen.json();
        if (root.isEmpty()) {
            return new Outcome(false, seen.jsonProblem());
        }
        JsonNode node = root.get();
        for (Object step : b.path()) {
            node = step instanceof Integer i ? node.path(i) : node.path((String) step);
        }
        if (node.isMissingNode()) {
            return new Outcome(operator == Operator.NE, "missing");
        }
        String shown = Observation.shorten(node.toString(), SHOWN_CHARS);
        return switch (right) {
            case Literal.Number n -> node.isNumber() ? compare(node.decimalValue(), shown) : mismatch(shown);
            case Literal.Text t -> node.isTextual() ? new Outcome(operator.holds(node.textValue().equals(t.value()) ? 0 : 1), shown) : mismatch(shown);
            case Literal.Bool v -> node.isBoolean() ? new Outcome(operator.holds(node.booleanValue() == v.value() ? 0 : 1), shown) : mismatch(shown);
            case Literal.Null z -> new Outcome(operator.holds(node.isNull() ? 0 : 1), shown);
            case Literal.Time t -> mismatch(shown);
        };
    }

    /** Whether this condition is about the status code, so a failure is reported as a status failure. */
    boolean onStatus() {
        return left instanceof Placeholder.Status;
    }
}
