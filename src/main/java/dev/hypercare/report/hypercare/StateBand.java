package dev.hypercare.report.hypercare;

import dev.hypercare.incident.ServiceState;
import dev.hypercare.report.ValueText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The day's service states as one inline SVG band: a bar per period in the state's colour (green OK,
 * amber DEGRADED, red CRITICAL, dark red ROLLBACK RECOMMENDED, grey unknown), hour ticks in UTC, and each
 * period's text in a tooltip. Like the charts: no script, nothing to fetch.
 */
final class StateBand {
    private static final int WIDTH = 960, HEIGHT = 90, LEFT = 80, RIGHT = 20, TOP = 16, BAR = 32;
    private static final int PLOT = WIDTH - LEFT - RIGHT;

    private StateBand() {}

    static String render(List<StatePeriod> periods, Instant dayStart) {
        Instant dayEnd = dayStart.plus(Duration.ofDays(1));
        StringBuilder svg = new StringBuilder(4_096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"12\">\n");
        svg.append("<title>Service state over the day (UTC)</title>\n");
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(PLOT).append("\" height=\"")
                .append(BAR).append("\" fill=\"#f6f8fa\" stroke=\"#d0d7de\"/>\n");
        for (StatePeriod p : periods) {
            double x1 = x(p.from(), dayStart), x2 = x(p.to(), dayStart);
            svg.append("<rect class=\"state ").append(p.state().map(Enum::name).orElse("UNKNOWN")).append("\" x=\"").append(num(x1))
                    .append("\" y=\"").append(TOP).append("\" width=\"").append(num(Math.max(0.5, x2 - x1))).append("\" height=\"").append(BAR)
                    .append("\" fill=\"").append(colour(p)).append("\"><title>")
                    .append(ReportText.xml(ValueText.time(p.from()) + "–" + ReportText.endTime(p.to(), dayStart)
                            + " " + p.label() + (p.reasons().isEmpty() ? "" : ": " + String.join("; ", p.reasons()))))
                    .append("</title></rect>\n");
        }
        for (int h = 0; h <= 24; h += 3) {
            double at = LEFT + PLOT * h / 24.0;
            svg.append("<line x1=\"").append(num(at)).append("\" x2=\"").append(num(at)).append("\" y1=\"").append(TOP + BAR)
                    .append("\" y2=\"").append(TOP + BAR + 5).append("\" stroke=\"#8c959f\"/>");
            svg.append("<text x=\"").append(num(at)).append("\" y=\"").append(TOP + BAR + 18)
                    .append("\" text-anchor=\"middle\" fill=\"#57606a\">").append(String.format(Locale.ROOT, "%02d:00", h)).append("</text>\n");
        }
        svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + BAR / 2 + 4)
                .append("\" text-anchor=\"end\" fill=\"#57606a\">state</text>\n");
        svg.append("<text x=\"").append(LEFT + PLOT).append("\" y=\"").append(HEIGHT - 4)
                .append("\" text-anchor=\"end\" fill=\"#57606a\">time (UTC)</text>\n");
        return svg.append("</svg>\n").toString();
    }

    static String colour(StatePeriod p) {
        return p.state().map(StateBand::colour).orElse("#8c959f");
    }

    static String colour(ServiceState state) {
        return switch (state) {
            case OK -> "#1a7f37";
            case DEGRADED -> "#bf8700";
            case CRITICAL -> "#cf222e";
            case ROLLBACK_RECOMMENDED -> "#82071e";
        };
    }

    private static double x(Instant t, Instant dayStart) {
        double fraction = Duration.between(dayStart, t).toMillis() / 86_400_000.0;
        return LEFT + PLOT * Math.max(0, Math.min(1, fraction));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
