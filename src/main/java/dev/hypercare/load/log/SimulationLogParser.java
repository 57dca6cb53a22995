package dev.hypercare.load.log;

import dev.hypercare.BadInputException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a Gatling 3.16 {@code simulation.log} (the binary format of Gatling's
 * {@code LogFileDataWriter}) to a {@link LogRecordHandler}, in constant memory but for the string
 * cache. A log cut short by a crash or a kill is read up to its last whole record and reported as
 * truncated; a log from another Gatling version, or not a log at all, is refused in one line.
 */
public final class SimulationLogParser {
    /** The only version whose layout this parser was checked against. */
    public static final String GATLING_VERSION = "3.16.0";

    private static final int RUN = 0;
    private static final int REQUEST = 1;
    private static final int USER = 2;
    private static final int GROUP = 3;
    private static final int ERROR = 4;
    /** Far above any real name or message; a bigger length means the bytes are not a log. */
    private static final int MAX_STRING_BYTES = 1 << 24;
    private static final byte LATIN1 = 0;

    /** How reading ended: every whole record, and whether the file stopped inside one. */
    public record Outcome(long records, boolean truncated, long bytesRead) {}

    private final Path file;
    private final List<String> stringCache = new ArrayList<>();
    private final Map<List<String>, List<String>> groupsCache = new HashMap<>();
    private String[] scenarios = new String[0];
    private long runStart;

    private SimulationLogParser(Path file) {
        this.file = file;
        stringCache.add(null); // Gatling numbers cached strings from 1
    }

    public static Outcome parse(Path file, LogRecordHandler handler) {
        return new SimulationLogParser(file).parseAll(handler);
    }

    private Outcome parseAll(LogRecordHandler handler) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": expected a Gatling simulation.log, found no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        long records = 0;
        try (LogInput in = new LogInput(channel)) {
            int first = in.readHeaderOrEnd();
            if (first < 0) {
                throw new BadInputException(file + ": expected a Gatling simulation.log, found an empty file");
            }
            if (first != RUN) {
                throw notALog();
            }
            handler.run(readRunRecord(in));
            records = 1;
            while (true) {
                long recordStart = in.position();
                int header = in.readHeaderOrEnd();
                if (header < 0) {
                    return new Outcome(records, false, in.position());
                }
                try {
                    switch (header) {
                        case REQUEST -> readRequest(in, handler);
                        case USER -> readUser(in, handler);
                        case GROUP -> readGroup(in, handler);
                        case ERROR -> handler.error(readCachedString(in), runStart + in.readInt());
                        default -> throw new BadInputException(file + ": byte " + recordStart + ": expected a record type 0-4,"
                                + " found " + header + " after " + records + " whole records (a corrupt log)");
                    }
                } catch (EOFException cut) {
                    return new Outcome(records, true, recordStart);
                }
                records++;
            }
        } catch (EOFException cut) {
            throw new BadInputException(file + ": expected a Gatling " + GATLING_VERSION + " simulation.log, found a file that ends inside its first record");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
    }

    private RunHeader readRunRecord(LogInput in) throws IOException {
        String version = readString(in);
        if (!version.equals(GATLING_VERSION)) {
            throw new BadInputException(file + ": expected a log written by Gatling " + GATLING_VERSION
                    + ", found one written by Gatling " + printable(version) + " (its binary layout differs; re-run with Gatling " + GATLING_VERSION + ")");
        }
        String simulation = readString(in);
        runStart = in.readLong();
        String description = readString(in);
        int scenarioCount = readCount(in, "scenarios");
        scenarios = new String[scenarioCount];
        for (int i = 0; i < scenarioCount; i++) {
            scenarios[i] = readString(in);
        }
        int assertions = readCount(in, "assertions");
        for (int i = 0; i < assertions; i++) {
            in.skip(readCount(in, "assertion bytes")); // boopickle-encoded: not needed to judge a run
        }
        return new RunHeader(version, simulation, runStart, description, List.of(scenarios), assertions);
    }

    private void readRequest(LogInput in, LogRecordHandler handler) throws IOException {
        List<String> groups = readGroups(in);
        String name = readCachedString(in);
        long start = runStart + in.readInt();
        long end = runStart + in.readInt();
        boolean ok = in.readByte() != 0;
        String message = readCachedString(in);
        handler.request(groups, name, start, end, ok, message);
    }

    private void readUser(LogInput in, LogRecordHandler handler) throws IOException {
        int scenario = in.readInt();
        boolean start = in.readByte() != 0;
        long timestamp = runStart + in.readInt();
        if (scenario < 0 || scenario >= scenarios.length) {
            throw new BadInputException(file + ": expected a scenario index below " + scenarios.length + ", found " + scenario + " (a corrupt log)");
        }
        handler.user(scenarios[scenario], start, timestamp);
    }

    private void readGroup(LogInput in, LogRecordHandler handler) throws IOException {
        List<String> groups = readGroups(in);
        long start = runStart + in.readInt();
        long end = runStart + in.readInt();
        int cumulated = in.readInt();
        boolean ok = in.readByte() != 0;
        handler.group(groups, start, end, cumulated, ok);
    }

    private List<String> readGroups(LogInput in) throws IOException {
        int depth = readCount(in, "group depth");
        if (depth == 0) {
            return List.of();
        }
        List<String> path = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            path.add(readCachedString(in));
        }
        return groupsCache.computeIfAbsent(path, List::copyOf);
    }

    private String readCachedString(LogInput in) throws IOException {
        int index = in.readInt();
        if (index >= 0) {
            String value = readString(in);
            if (index != stringCache.size()) {
                throw new BadInputException(file + ": expected string cache entry " + stringCache.size() + ", found " + index + " (a corrupt log)");
            }
            stringCache.add(value);
            return value;
        }
        int cached = -index;
        if (cached >= stringCache.size()) {
            throw new BadInputException(file + ": expected a known cached string, found reference " + cached + " (a corrupt log)");
        }
        return stringCache.get(cached);
    }

    /** Gatling writes a String's internal bytes and its coder: LATIN1 (0) or UTF-16 in x86/ARM byte order (1). */
    private String readString(LogInput in) throws IOException {
        int length = in.readInt();
        if (length == 0) {
            return "";
        }
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw notALog();
        }
        byte[] bytes = in.readBytes(length);
        byte coder = in.readByte();
        return new String(bytes, coder == LATIN1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
    }

    private int readCount(LogInput in, String what) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_STRING_BYTES) {
            throw new BadInputException(file + ": expected a count of " + what + ", found " + count + " (a corrupt log)");
        }
        return count;
    }

    private BadInputException notALog() {
        return new BadInputException(file + ": expected a Gatling " + GATLING_VERSION + " simulation.log, found something else (it does not start with a run record)");
    }

    private static String printable(String text) {
        return text.length() > 40 || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? "(unreadable)" : text;
    }
}
