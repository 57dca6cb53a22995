package dev.hypercare.report.hypercare;

import dev.hypercare.report.ValueText;
import dev.hypercare.slo.Metric;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One value per UTC day as an inline SVG bar chart with dashed threshold lines, for the weekly and exit
 * reports (the time-series chart labels its axis with times of day). A day without a value has no bar
 * and says so. No script, nothing to fetch.
 */
record DayBars(String title, Metric.Unit unit, List<Bar> bars, List<Line> lines) {
    private static final int WIDTH = 960, HEIGHT = 260, LEFT = 80, RIGHT = 20, TOP = 30, BOTTOM = 40;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT, PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEE MM-dd", Locale.ROOT);
    /** For more than a week of bars: the weekday no longer fits. */
    private static final DateTimeFormatter SHORT_LABEL = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    record Bar(LocalDate day, double value, String colour) {}

    record Line(String label, double value, String colour) {}

    DayBars {
        bars = List.copyOf(bars);
        lines = lines.stream().filter(l -> Double.isFinite(l.value())).toList();
    }

    String render() {
        StringBuilder svg = new StringBuilder(8_192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(ReportText.xml(title)).append("</title>\n");
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(PLOT_WIDTH).append("\" height=\"")
                .append(PLOT_HEIGHT).append("\" fill=\"#fff\" stroke=\"#d0d7de\"/>\n");
        double max = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).max().orElse(0);
        max = Math.max(max, lines.stream().mapToDouble(Line::value).max().orElse(0));
        double step = niceStep(max <= 0 ? 0.25 : max / 4);
        int ticks = (int) Math.max(1, Math.ceil(max / step - 1e-9));
        double top = step * ticks;
        for (int i = 0; i <= ticks; i++) {
            double v = step * i;
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(y(v, top) + 4))
                    .append("\" text-anchor=\"end\" fill=\"#57606a\">").append(ReportText.xml(text(v))).append("</text>\n");
        }
        double slot = (double) PLOT_WIDTH / Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double x = LEFT + slot * i;
            if (Double.isFinite(b.value())) {
                double y = y(b.value(), top);
                svg.append("<rect class=\"bar\" data-value=\"").append(b.value()).append("\" x=\"").append(num(x + slot * 0.2)).append("\" y=\"")
                        .append(num(y)).append("\" width=\"").append(num(slot * 0.6)).append("\" height=\"").append(num(TOP + PLOT_HEIGHT - y))
                        .append("\" fill=\"").append(ReportText.xml(b.colour())).append("\"><title>")
                        .append(ReportText.xml(b.day() + ": " + text(b.value()))).append("</title></rect>\n");
            } else {
                svg.append("<text x=\"").append(num(x + slot / 2)).append("\" y=\"").append(TOP + PLOT_HEIGHT - 6)
                        .append("\" text-anchor=\"middle\" fill=\"#8c959f\">no data</text>\n");
            }
            svg.append("<text x=\"").append(num(x + slot / 2)).append("\" y=\"").append(TOP + PLOT_HEIGHT + 18)
                    .append("\" text-anchor=\"middle\" fill=\"#57606a\">").append(ReportText.xml((bars.size() > 7 ? SHORT_LABEL : LABEL).format(b.day()))).append("</text>\n");
        }
        for (Line l : lines) {
            String at = num(y(l.value(), top));
            svg.append("<line class=\"threshold\" data-value=\"").append(l.value()).append("\" x1=\"").append(LEFT).append("\" x2=\"")
                    .append(LEFT + PLOT_WIDTH).append("\" y1=\"").append(at).append("\" y2=\"").append(at).append("\" stroke=\"")
                    .append(ReportText.xml(l.colour())).append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n");
            svg.append("<text x=\"").append(LEFT + PLOT_WIDTH - 6).append("\" y=\"").append(num(y(l.value(), top) - 5))
                    .append("\" text-anchor=\"end\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\" fill=\"")
                    .append(ReportText.xml(l.colour())).append("\">").append(ReportText.xml(l.label() + " " + text(l.value()))).append("</text>\n");
        }
        svg.append("<text x=\"").append(LEFT + PLOT_WIDTH).append("\" y=\"").append(HEIGHT - 4)
                .append("\" text-anchor=\"end\" fill=\"#57606a\">UTC days</text>\n");
        return svg.append("</svg>\n").toString();
    }

    private String text(double v) {
        return unit == Metric.Unit.RATIO ? ReportText.percent(v) : ValueText.of(v, unit);
    }

    private static double y(double value, double top) {
        return TOP + PLOT_HEIGHT * (1 - Math.max(0, Math.min(value, top)) / top);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at or above {@code rough}. */
    private static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= rough * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
