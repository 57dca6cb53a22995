package dev.hypercare.probe;

import java.time.Duration;

/**
 * A snapshot of {@link ProbeScheduler}'s counters. Runs that started end one way each:
 * {@code started == completed + abandoned + cancelled + inFlight}.
 *
 * @param started      runs whose prober was called
 * @param completed    runs that ended with the prober's own result, handed to the sink
 * @param abandoned    runs the scheduler ended as TIMEOUT after their timeout and grace, handed to the sink
 * @param cancelled    runs cut short by close, with no result
 * @param skipped      slots that did not run: the probe's previous run was still going (or waiting for a
 *                     permit), too many of its abandoned runs still hung, the slot was missed because the
 *                     scheduler ran late, or close came before a permit did
 * @param inFlight     runs started whose result has not been handed to the sink yet (an abandoned run's
 *                     permit is free again before its TIMEOUT is handed over)
 * @param waiting      runs waiting for a permit now
 * @param hung         abandoned runs whose threads have not ended yet
 * @param permitWaits  runs that had to wait for a permit
 * @param permitWait   their waiting time, summed
 * @param sinkFailures results whose sink threw (the scheduler goes on)
 */
public record SchedulerStats(long started, long completed, long abandoned, long cancelled, long skipped,
                             int inFlight, int waiting, int hung, long permitWaits, Duration permitWait,
                             long sinkFailures) {}
