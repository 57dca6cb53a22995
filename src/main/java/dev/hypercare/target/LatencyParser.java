package dev.hypercare.target;

import dev.hypercare.DurationText;

import dev.hypercare.BadInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text forms of {@link LatencyDistribution}; kept apart so the records stay plain values. */
final class LatencyParser {

    private static final Pattern CALL = Pattern.compile("([a-z]+)\\(([^()]*)\\)");

    private LatencyParser() {}

    static LatencyDistribution parse(String field, String text) {
        // "uniform(100ms, 300ms)" is as good as "uniform(100ms,300ms)"
        String compact = text == null ? "" : text.replaceAll("\\s+", "");
        if (compact.equals("none")) {
            return LatencyDistribution.none();
        }
        Optional<Duration> fixed = DurationText.parse(compact);
        if (fixed.isPresent()) {
            return new LatencyDistribution.Fixed(fixed.get());
        }
        Matcher call = CALL.matcher(compact);
        return (call.matches() ? durations(call.group(2)).flatMap(args -> of(field, call.group(1), args, text))
                        : Optional.<LatencyDistribution>empty())
                .orElseThrow(() -> new BadInputException(field
                        + ": expected 700ms, uniform(100ms,300ms), normal(200ms,50ms) or exponential(150ms), found '"
                        + text + "'"));
    }

    private static Optional<LatencyDistribution> of(String field, String name, List<Duration> args, String text) {
        return switch (name) {
            case "uniform" -> args.size() == 2 ? Optional.of(uniform(field, args.get(0), args.get(1), text)) : Optional.empty();
            case "normal" -> args.size() == 2
                    ? Optional.of(new LatencyDistribution.Normal(args.get(0), args.get(1)))
                    : Optional.empty();
            case "exponential" -> args.size() == 1
                    ? Optional.of(new LatencyDistribution.Exponential(args.get(0)))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static LatencyDistribution uniform(String field, Duration min, Duration max, String text) {
        if (min.compareTo(max) > 0) {
            throw new BadInputException(field + ": expected uniform(min,max) with min <= max, found '" + text + "'");
        }
        return new LatencyDistribution.Uniform(min, max);
    }

    /** The comma-separated durations in {@code args}, or empty if any of them is not a duration. */
    private static Optional<List<Duration>> durations(String args) {
        List<Duration> durations = new ArrayList<>();
        for (String arg : args.split(",", -1)) {
            Optional<Duration> duration = DurationText.parse(arg);
            if (duration.isEmpty()) {
                return Optional.empty();
            }
            durations.add(duration.get());
        }
        return Optional.of(List.copyOf(durations));
    }
}
