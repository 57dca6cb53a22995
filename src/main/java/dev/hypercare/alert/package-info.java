/**
 * Alerts of the probe runner: one {@link dev.hypercare.alert.Notifier} per channel kind (Slack-compatible
 * webhook, PagerDuty Events API v2, generic JSON webhook) and the durable
 * {@link dev.hypercare.alert.AlertOutbox} that delivers every {@link dev.hypercare.alert.Alert} at least once.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>{@code enqueue} returns once the alert is fsynced in the outbox journal, for every channel whose
 *       {@code minSeverity} admits it (a resolve also goes wherever a trigger of its dedup key went).
 *       Enqueueing a known id is a no-op, also across restarts: a runner may replay after a crash.</li>
 *   <li>Each channel delivers in order of enqueueing, on its own thread; a failed attempt (no connection,
 *       timeout, 408, 429, 5xx) is retried with exponential backoff and jitter, Retry-After honoured within
 *       a cap; the later alerts of that channel wait behind it.</li>
 *   <li>A success or a permanent rejection (another 4xx, a redirect) is written to the journal: after a
 *       restart delivered alerts are not resent, rejected ones not retried, pending ones resume. Between a
 *       receiver's answer and that record a crash can cause one resend, which receivers can drop by id
 *       ({@code Idempotency-Key}, PagerDuty's {@code dedup_key}).</li>
 *   <li>Nothing is dropped silently: rejections are logged once and counted in the status; alerts pending
 *       for a channel removed from the configuration stay pending and are reported; pending alerts are
 *       written again before the journal's retention could delete their records.</li>
 *   <li>Secrets (URLs, routing keys, header values, and the environment values they come from) appear in
 *       no message, log line, status or journal record; a receiver's answer is quoted only after they are
 *       cut out of it.</li>
 * </ul>
 *
 * <h2>Outbox journal</h2>
 * A {@link dev.hypercare.journal.Journal} of its own, kinds {@code enqueued}, {@code carried},
 * {@code delivered} and {@code rejected}, JSON payloads as in {@link dev.hypercare.alert.OutboxCodec}.
 */
package dev.hypercare.alert;
