package io.localdps.console.overview;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.localdps.operations.LiveFigures;

import java.util.Map;

/**
 * Small bar charts of the registration figures, drawn with plain elements and CSS (vaadin-core has
 * no chart component): registrations per minute over the last half hour, outcomes, and assignments
 * per linked hub. {@link #show} redraws them from a fresh {@link LiveFigures.Figures}.
 */
class LiveFiguresPanel extends Div {

    private final Div perMinute = chart("registrations-per-minute", "dps-columns");
    private final Div outcomes = chart("registration-outcomes", "dps-bars");
    private final Div hubs = chart("hub-assignments", "dps-bars");
    private final Span totals = new Span();

    LiveFiguresPanel() {
        addClassName("dps-live");
        setId("live-figures");
        totals.setId("live-totals");
        Paragraph note = new Paragraph("This node's figures since it started, refreshed every few seconds; "
                + "Prometheus scrapes the same from /actuator/prometheus.");
        note.addClassName("dps-note");
        add(new H3("Registrations"), note,
                section("Per minute, last 30 minutes", perMinute),
                section("Outcomes", outcomes),
                section("Assignments per IoT hub", hubs),
                totals);
    }

    void show(LiveFigures.Figures figures) {
        drawColumns(figures.registrationsPerMinute());
        drawBars(outcomes, figures.outcomes(), "No registrations yet.");
        drawBars(hubs, figures.assignmentsPerHub(), "No devices assigned yet.");
        totals.setText("In flight: " + figures.operationsInFlight() + " · Throttled (429): " + figures.throttled()
                + " · TLS handshake failures: " + figures.tlsHandshakeFailures()
                + " · Webhook failures: " + figures.webhookFailures());
    }

    private void drawColumns(long[] counts) {
        perMinute.removeAll();
        long max = Math.max(1, java.util.Arrays.stream(counts).max().orElse(0));
        for (int i = 0; i < counts.length; i++) {
            Div column = new Div();
            column.addClassName("dps-column");
            column.getStyle().setHeight(percent(counts[i], max));
            int minutesAgo = counts.length - 1 - i;
            column.getElement().setAttribute("title", (minutesAgo == 0 ? "this minute" : minutesAgo + " min ago") + ": " + counts[i]);
            column.getElement().setAttribute("data-count", Long.toString(counts[i]));
            perMinute.add(column);
        }
        perMinute.getElement().setAttribute("aria-label", "Registrations per minute: " + counts[counts.length - 1] + " this minute");
    }

    private static void drawBars(Div chart, Map<String, Long> values, String empty) {
        chart.removeAll();
        if (values.values().stream().allMatch(count -> count == 0)) {
            Span none = new Span(empty);
            none.addClassName("dps-note");
            chart.add(none);
            return;
        }
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(0));
        values.forEach((label, count) -> {
            Div fill = new Div();
            fill.addClassName("dps-bar-fill");
            fill.getStyle().setWidth(percent(count, max));
            Div track = new Div(fill);
            track.addClassName("dps-bar-track");
            Span number = new Span(Long.toString(count));
            number.addClassName("dps-bar-count");
            Div row = new Div(new Span(label), track, number);
            row.addClassName("dps-bar");
            row.getElement().setAttribute("data-label", label);
            chart.add(row);
        });
    }

    private static String percent(long count, long max) {
        return count == 0 ? "0" : Math.max(2, Math.round(count * 100.0 / max)) + "%";
    }

    private static Div chart(String id, String className) {
        Div chart = new Div();
        chart.setId(id);
        chart.addClassName(className);
        return chart;
    }

    private static Div section(String title, Div chart) {
        Div section = new Div(new H4(title), chart);
        section.addClassName("dps-chart");
        return section;
    }
}
