package dev.hypercare.load;

import dev.hypercare.load.results.RequestStats;
import dev.hypercare.load.results.RunResults;
import dev.hypercare.report.GateReport;
import dev.hypercare.slo.GateResult;
import java.util.List;


/** The go/no-go report model of a load test: the gate's result beside the run's requests, errors and series. */
final class LoadReportModel {
    static final int TOP_ERRORS = 10;

    private LoadReportModel() {}

    static GateReport build(GateReport.Run run, GateResult result, RunResults results, GateReport.ChartLimits limits) {
        List<GateReport.RequestRow> requests = results.names().stream()
                .map(name -> row(results.byName().get(name)))
                .toList();
        long failures = results.errors().values().stream().mapToLong(Long::longValue).sum();
        List<GateReport.ErrorRow> errors = results.topErrors(TOP_ERRORS).stream()
                .map(e -> new GateReport.ErrorRow(e.getKey(), e.getValue(), failures == 0 ? 0 : (double) e.getValue() / failures))
                .toList();
        List<GateReport.SeriesPoint> series = results.series().stream()
                .map(p -> new GateReport.SeriesPoint(p.epochSecond(), p.requests(), p.ko(), p.p95Millis(), p.p99Millis(),
                        p.activeUsers(), p.openSockets()))
                .toList();
        return new GateReport(run, result, requests, errors, series, limits);
    }

    private static GateReport.RequestRow row(RequestStats stats) {
        return new GateReport.RequestRow(stats.name(), RequestNames.isWebSocket(stats.name()), stats.ok(), stats.ko(),
                stats.percentileMillis(50), stats.percentileMillis(95), stats.percentileMillis(99), stats.maxMillis(),
                stats.meanMillis());
    }

}
