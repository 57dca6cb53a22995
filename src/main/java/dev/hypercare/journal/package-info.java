/**
 * The durable journal of the probe runner: an append-only log of opaque entries (probe results, state
 * changes, incidents, alerts; callers encode the payload, usually JSON).
 *
 * <h2>On-disk format, version 1</h2>
 * A directory holds {@code journal.lock} (held by the one open {@link dev.hypercare.journal.Journal}) and
 * one segment per UTC day, {@code journal-YYYY-MM-DD.log}, chosen by the entry's time; an entry never goes
 * to an earlier day than the segment being written, so files and records are in sequence order. A segment
 * is records back to back, no file header. One record, big-endian:
 * <pre>
 *   byte    magic/version   0xA1
 *   int     length          of the body, 18 .. 16 MiB
 *   int     crc             CRC32C of the body
 *   body:
 *     long    sequence      1, 2, 3 ... across segments and restarts
 *     long    time          epoch milliseconds
 *     byte    kind length   1 .. 255, unsigned
 *     bytes   kind          UTF-8, e.g. "result", "state", "incident", "alert"
 *     bytes   payload       the rest of the body
 * </pre>
 *
 * <h2>Recovery</h2>
 * On open every segment is read to its first bad record (unknown magic, length out of range, short read,
 * CRC mismatch). In the last segment that is a torn tail: it is reported and truncated so appends continue
 * after the last good record. In an older segment it is reported and left on disk; reads of that segment
 * stop there. Segments whose whole day is older than the retention are deleted on open and daily.
 *
 * <h2>Durability</h2>
 * {@code append} returns once the record is in the OS buffer; an entry is acknowledged once fsynced, which
 * the durable sequence, {@code appendAcknowledged} and {@code appendDurably} expose.
 */
package dev.hypercare.journal;
