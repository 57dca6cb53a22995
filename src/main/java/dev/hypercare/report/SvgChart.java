package dev.hypercare.report;

import dev.hypercare.slo.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A time-series line chart as one inline {@code <svg>} element: no script, no font or image to
 * fetch, so the report opens anywhere. The y axis starts at zero and reaches past every value and
 * threshold; time ticks are in UTC. NaN values are gaps; an isolated value is a dot; a series
 * longer than {@link #MAX_PLOTTED} is thinned by {@link Downsample} (max per bucket) so that a
 * 20,000-second run stays light while its spikes stay visible.
 *
 * @param title what the chart shows, used as the SVG's accessible title
 * @param unit how the y ticks and threshold labels are written
 * @param lines the series, drawn in order
 * @param thresholds dashed horizontal lines; NaN ones are left out
 */
public record SvgChart(String title, Metric.Unit unit, List<Line> lines, List<Threshold> thresholds) {
    /** Most points drawn per line. */
    public static final int MAX_PLOTTED = 1_000;

    // Geometry, in SVG user units; the svg scales to the page width through its viewBox.
    static final int WIDTH = 960, HEIGHT = 300;
    static final int LEFT = 80, RIGHT = 20, TOP = 40, BOTTOM = 40;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT, PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    private static final long[] TIME_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200,
            10_800, 21_600, 43_200, 86_400};

    /** One second's value; NaN when there is none (a gap in the line). */
    public record Point(long epochSecond, double value) {}

    public record Line(String label, String colour, List<Point> points) {
        public Line {
            points = points.stream().sorted(Comparator.comparingLong(Point::epochSecond)).toList();
        }
    }

    public record Threshold(String label, double value, String colour) {}

    public SvgChart {
        lines = List.copyOf(lines);
        thresholds = thresholds.stream().filter(t -> Double.isFinite(t.value())).toList();
    }

    public String render() {
        var svg = new StringBuilder(16_384);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(Xml.escape(title)).append("</title>\n");
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(PLOT_WIDTH)
                .append("\" height=\"").append(PLOT_HEIGHT).append("\" fill=\"#fff\" stroke=\"#d0d7de\"/>\n");
        legend(svg);
        List<Line> plotted = lines.stream()
                .map(l -> new Line(l.label(), l.colour(), Downsample.maxPerBucket(l.points(), MAX_PLOTTED)))
                .toList();
        if (plotted.stream().flatMap(l -> l.points().stream()).noneMatch(p -> Double.isFinite(p.value()))) {
            svg.append("<text class=\"no-data\" x=\"").append(LEFT + PLOT_WIDTH / 2).append("\" y=\"").append(TOP + PLOT_HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" font-size=\"16\" fill=\"#57606a\">no data</text>\n");
            return svg.append("</svg>\n").toString();
        }
        var x = TimeAxis.of(lines); // the whole series' span, not the thinned one's: charts of one run line up
        var y = ValueAxis.of(plotted, thresholds);
        yTicks(svg, y);
        xTicks(svg, x);
        for (Line line : plotted) {
            plot(svg, line, x, y);
        }
        for (Threshold t : thresholds) {
            String at = num(y.y(t.value()));
            svg.append("<line class=\"threshold\" data-value=\"").append(t.value()).append("\" x1=\"").append(LEFT)
                    .append("\" x2=\"").append(LEFT + PLOT_WIDTH).append("\" y1=\"").append(at).append("\" y2=\"").append(at)
                    .append("\" stroke=\"").append(Xml.escape(t.colour())).append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n");
            svg.append("<text x=\"").append(LEFT + PLOT_WIDTH - 6).append("\" y=\"").append(num(y.y(t.value()) - 5))
                    // a white halo keeps the label readable where it crosses a line
                    .append("\" text-anchor=\"end\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\" fill=\"")
                    .append(Xml.escape(t.colour())).append("\">")
                    .append(Xml.escape(t.label() + " " + ValueText.of(t.value(), unit))).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private void legend(StringBuilder svg) {
        int at = LEFT;
        for (Line line : lines) {
            svg.append("<rect x=\"").append(at).append("\" y=\"14\" width=\"14\" height=\"4\" fill=\"").append(Xml.escape(line.colour())).append("\"/>");
            svg.append("<text x=\"").append(at + 20).append("\" y=\"20\" fill=\"#24292f\">").append(Xml.escape(line.label())).append("</text>\n");
            at += 40 + 7 * line.label().length();
        }
    }

    private void yTicks(StringBuilder svg, ValueAxis y) {
        for (int i = 0; i <= y.ticks(); i++) {
            double value = y.step() * i;
            String at = num(y.y(value));
            if (i > 0) {
                svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + PLOT_WIDTH).append("\" y1=\"").append(at)
                        .append("\" y2=\"").append(at).append("\" stroke=\"#eaeef2\"/>");
            }
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(y.y(value) + 4))
                    .append("\" text-anchor=\"end\" fill=\"#57606a\">").append(Xml.escape(ValueText.of(value, unit))).append("</text>\n");
        }
    }

    private static void xTicks(StringBuilder svg, TimeAxis x) {
        for (long t = Math.ceilDiv(x.from(), x.step()) * x.step(); t <= x.to(); t += x.step()) {
            String at = num(x.x(t));
            svg.append("<line x1=\"").append(at).append("\" x2=\"").append(at).append("\" y1=\"").append(TOP + PLOT_HEIGHT)
                    .append("\" y2=\"").append(TOP + PLOT_HEIGHT + 5).append("\" stroke=\"#8c959f\"/>");
            svg.append("<text x=\"").append(at).append("\" y=\"").append(TOP + PLOT_HEIGHT + 18)
                    .append("\" text-anchor=\"middle\" fill=\"#57606a\">").append(ValueText.time(Instant.ofEpochSecond(t))).append("</text>\n");
        }
        svg.append("<text x=\"").append(LEFT + PLOT_WIDTH).append("\" y=\"").append(HEIGHT - 4)
                .append("\" text-anchor=\"end\" fill=\"#57606a\">time (UTC)</text>\n");
    }

    /** One polyline per run of values between gaps; a value alone between gaps is a dot. */
    private static void plot(StringBuilder svg, Line line, TimeAxis x, ValueAxis y) {
        String colour = Xml.escape(line.colour());
        List<Point> run = new ArrayList<>();
        for (Point p : line.points()) {
            if (Double.isFinite(p.value())) {
                run.add(p);
            } else {
                segment(svg, run, colour, x, y);
                run.clear();
            }
        }
        segment(svg, run, colour, x, y);
    }

    private static void segment(StringBuilder svg, List<Point> run, String colour, TimeAxis x, ValueAxis y) {
        if (run.size() == 1) {
            Point p = run.getFirst();
            svg.append("<circle cx=\"").append(num(x.x(p.epochSecond()))).append("\" cy=\"").append(num(y.y(p.value())))
                    .append("\" r=\"2.5\" fill=\"").append(colour).append("\"/>\n");
        } else if (run.size() > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"1.5\" stroke-linejoin=\"round\" points=\"");
            for (Point p : run) {
                svg.append(num(x.x(p.epochSecond()))).append(',').append(num(y.y(p.value()))).append(' ');
            }
            svg.setLength(svg.length() - 1);
            svg.append("\"/>\n");
        }
    }

    /** Seconds to x; a single second is widened to three so that it sits in the middle. */
    record TimeAxis(long from, long to, long step) {
        static TimeAxis of(List<Line> lines) {
            long from = lines.stream().flatMap(l -> l.points().stream()).mapToLong(Point::epochSecond).min().orElse(0);
            long to = lines.stream().flatMap(l -> l.points().stream()).mapToLong(Point::epochSecond).max().orElse(0);
            if (from == to) {
                from--;
                to++;
            }
            long span = to - from;
            long step = TIME_STEPS[TIME_STEPS.length - 1];
            for (long s : TIME_STEPS) {
                if (span / s <= 6) {
                    step = s;
                    break;
                }
            }
            return new TimeAxis(from, to, step);
        }

        double x(long second) {
            return LEFT + (double) (second - from) / (to - from) * PLOT_WIDTH;
        }
    }

    /** Zero to a round number at or above every value and threshold, in about four even steps. */
    record ValueAxis(double step, int ticks) {
        static ValueAxis of(List<Line> lines, List<Threshold> thresholds) {
            double max = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(Point::value)
                    .filter(Double::isFinite).max().orElse(0);
            max = Math.max(max, thresholds.stream().mapToDouble(Threshold::value).max().orElse(0));
            if (max <= 0) {
                max = 1;
            }
            double step = niceStep(max / 4);
            return new ValueAxis(step, (int) Math.ceil(max / step - 1e-9));
        }

        double top() {
            return step * ticks;
        }

        double y(double value) {
            double clamped = Math.max(0, Math.min(value, top()));
            return TOP + PLOT_HEIGHT * (1 - clamped / top());
        }

        /** 1, 2, 2.5 or 5 times a power of ten, at or above {@code rough}. */
        static double niceStep(double rough) {
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            for (double m : new double[] {1, 2, 2.5, 5, 10}) {
                if (m * power >= rough * (1 - 1e-9)) {
                    return m * power;
                }
            }
            return 10 * power;
        }
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
