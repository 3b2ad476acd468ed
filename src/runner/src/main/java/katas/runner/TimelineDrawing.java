package katas.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Draws a {@link ThreadTimeline}: as text for the terminal, and as an HTML page with an SVG for a browser. */
final class TimelineDrawing {

    /** Spans shorter than this are left out of the list of notable moments. */
    private static final Duration NOTABLE = Duration.ofMillis(2);

    private TimelineDrawing() {
    }

    /** One row of {@code width} characters per thread, a time axis, a legend, and the longest waits with what they waited on. */
    static String text(ThreadTimeline timeline, int width) {
        if (timeline.lanes().isEmpty()) {
            return "The recording holds no thread activity.\n";
        }
        int nameWidth = Math.min(24, timeline.lanes().stream().mapToInt(lane -> lane.thread().length()).max().orElse(4));
        StringBuilder text = new StringBuilder();
        long nanos = Math.max(1, timeline.length().toNanos());
        for (ThreadTimeline.Lane lane : timeline.lanes()) {
            text.append(String.format("%-" + nameWidth + "s |", cut(lane.thread(), nameWidth)));
            for (int column = 0; column < width; column++) {
                Instant middle = timeline.start().plusNanos((long) ((column + 0.5) * nanos / width));
                ThreadTimeline.Activity activity = timeline.at(lane, middle);
                text.append(activity == null ? ' ' : activity.mark);
            }
            text.append("|\n");
        }
        String total = String.format("%.0f ms", timeline.length().toNanos() / 1e6);
        text.append(" ".repeat(nameWidth)).append(" 0").append(" ".repeat(Math.max(1, width - total.length()))).append(total)
                .append('\n');
        text.append("\nLegend: ");
        List<String> legend = new ArrayList<>();
        for (ThreadTimeline.Activity activity : ThreadTimeline.Activity.values()) {
            legend.add(activity.mark + " " + activity.meaning);
        }
        text.append(String.join(";  ", legend)).append('\n');
        List<String> notable = notable(timeline);
        if (!notable.isEmpty()) {
            text.append("\nThe longest waits:\n");
            notable.forEach(line -> text.append("  ").append(line).append('\n'));
        }
        return text.toString();
    }

    private static List<String> notable(ThreadTimeline timeline) {
        record Moment(ThreadTimeline.Lane lane, ThreadTimeline.Span span) {
        }
        List<Moment> moments = new ArrayList<>();
        timeline.lanes().forEach(lane -> lane.spans().forEach(span -> moments.add(new Moment(lane, span))));
        return moments.stream()
                .filter(m -> Duration.between(m.span().from(), m.span().to()).compareTo(NOTABLE) >= 0)
                .sorted(Comparator.comparing((Moment m) -> Duration.between(m.span().from(), m.span().to())).reversed())
                .limit(8)
                .sorted(Comparator.comparing(m -> m.span().from()))
                .map(m -> String.format("at %6.1f ms  %-16s %s %5.1f ms: %s", timeline.millis(m.span().from()),
                        m.lane().thread(), verb(m.span().activity()),
                        Duration.between(m.span().from(), m.span().to()).toNanos() / 1e6, m.span().on()))
                .toList();
    }

    private static String verb(ThreadTimeline.Activity activity) {
        return switch (activity) {
            case BLOCKED -> "blocked";
            case WAITING -> "waited ";
            case SLEEPING -> "slept  ";
            case RUNNING -> "ran    ";
        };
    }

    /** A standalone HTML page: one bar per thread, coloured spans with their details on hover, and a legend. */
    static String html(String title, ThreadTimeline timeline) {
        int laneHeight = 26;
        int left = 170;
        int plot = 900;
        int height = 40 + laneHeight * timeline.lanes().size() + 30;
        double scale = plot / Math.max(1e-6, timeline.length().toNanos() / 1e6);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"monospace\" font-size=\"12\">%n",
                left + plot + 20, height));
        int y = 30;
        for (ThreadTimeline.Lane lane : timeline.lanes()) {
            svg.append(String.format("<text x=\"4\" y=\"%d\">%s</text>%n", y + 15, escape(cut(lane.thread(), 22))));
            double from = timeline.millis(lane.born()) * scale;
            double to = timeline.millis(lane.died()) * scale;
            svg.append(rect(left + from, y, Math.max(1, to - from), laneHeight - 6, ThreadTimeline.Activity.RUNNING.colour,
                    lane.thread() + ": alive " + ms(timeline, lane.born()) + " to " + ms(timeline, lane.died())));
            for (ThreadTimeline.Span span : lane.spans()) {
                double a = timeline.millis(span.from()) * scale;
                double b = timeline.millis(span.to()) * scale;
                svg.append(rect(left + a, y, Math.max(1, b - a), laneHeight - 6, span.activity().colour,
                        lane.thread() + " " + span.activity().meaning + " from " + ms(timeline, span.from()) + " to "
                                + ms(timeline, span.to()) + ": " + span.on()));
            }
            y += laneHeight;
        }
        svg.append(String.format("<text x=\"%d\" y=\"%d\">0 ms</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f ms</text>%n",
                left, y + 15, left + plot, y + 15, timeline.length().toNanos() / 1e6));
        svg.append("</svg>\n");
        StringBuilder legend = new StringBuilder();
        for (ThreadTimeline.Activity activity : ThreadTimeline.Activity.values()) {
            legend.append(String.format("<span style=\"background:%s;padding:0 8px;margin:0 4px 0 12px\">&nbsp;</span>%s%n",
                    activity.colour, escape(activity.meaning)));
        }
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head>\n"
                + "<body style=\"font-family:sans-serif\">\n<h1>" + escape(title) + "</h1>\n<p>" + legend
                + "</p>\n<p>Hover over a bar for what the thread was doing, and on what.</p>\n" + svg
                + "<pre>" + escape(text(timeline, 100)) + "</pre>\n</body></html>\n";
    }

    private static String rect(double x, double y, double width, double height, String colour, String title) {
        return String.format(java.util.Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>%n",
                x, y, width, height, colour, escape(title));
    }

    private static String ms(ThreadTimeline timeline, Instant moment) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", timeline.millis(moment));
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
