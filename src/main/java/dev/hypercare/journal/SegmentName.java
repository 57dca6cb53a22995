package dev.hypercare.journal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The file name of a day's segment: {@code journal-2026-11-22.log}, the day in UTC. */
record SegmentName(LocalDate day) implements Comparable<SegmentName> {
    private static final Pattern NAME = Pattern.compile("journal-(\\d{4}-\\d{2}-\\d{2})\\.log");

    static Optional<SegmentName> parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SegmentName(LocalDate.parse(m.group(1))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    String fileName() {
        return "journal-" + day + ".log";
    }

    Path in(Path dir) {
        return dir.resolve(fileName());
    }

    @Override
    public int compareTo(SegmentName o) {
        return day.compareTo(o.day);
    }
}
