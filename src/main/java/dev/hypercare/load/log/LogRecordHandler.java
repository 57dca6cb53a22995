package dev.hypercare.load.log;

import java.util.List;

/**
 * Receives the records of a simulation.log in file order. Timestamps are epoch milliseconds (the
 * log stores offsets from the run start). Strings repeat as the same instances, so handlers can key
 * maps by them cheaply.
 */
public interface LogRecordHandler {
    void run(RunHeader header);

    void user(String scenario, boolean start, long timestampMillis);

    /** {@code message} is empty for OK requests and for KO requests without one. */
    void request(List<String> groups, String name, long startMillis, long endMillis, boolean ok, String message);

    void group(List<String> groups, long startMillis, long endMillis, int cumulatedResponseTimeMillis, boolean ok);

    /** A crash outside any request, e.g. a failed feeder or session function. */
    void error(String message, long timestampMillis);
}
