package dev.hypercare.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Thins a long series for plotting by keeping the largest value of each bucket of consecutive
 * points: a one-second spike in a five-hour run still shows, where averaging would flatten it.
 */
final class Downsample {
    private Downsample() {}

    /**
     * At most {@code maxPoints} points, in order. A bucket with no value (all NaN) stays a gap; the
     * kept point keeps its own time, so peaks are drawn where they happened.
     */
    static List<SvgChart.Point> maxPerBucket(List<SvgChart.Point> points, int maxPoints) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be positive: " + maxPoints);
        }
        if (points.size() <= maxPoints) {
            return points;
        }
        int bucket = Math.ceilDiv(points.size(), maxPoints);
        List<SvgChart.Point> kept = new ArrayList<>(maxPoints);
        for (int from = 0; from < points.size(); from += bucket) {
            SvgChart.Point max = null;
            for (var p : points.subList(from, Math.min(from + bucket, points.size()))) {
                if (!Double.isNaN(p.value()) && (max == null || p.value() > max.value())) {
                    max = p;
                }
            }
            kept.add(max != null ? max : points.get(from));
        }
        return kept;
    }
}
