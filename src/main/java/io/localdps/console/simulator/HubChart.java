package io.localdps.console.simulator;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

import java.util.Map;
import java.util.TreeSet;

/**
 * Devices per linked hub as horizontal bars, each with a marker at the share the allocation
 * weights predict. Plain divs and CSS: vaadin-core has no chart component, and a few bars need none.
 */
class HubChart extends Div {

    private final Div rows = new Div();

    HubChart() {
        setId("hub-chart");
        addClassName("dps-sim-chart");
        Span legend = new Span("Bar: devices assigned. Line: the share the allocation weights predict.");
        legend.addClassName("dps-note");
        add(new H3("Devices per IoT hub"), legend, rows);
    }

    void show(Map<String, Integer> devicesPerHub, Map<String, Double> predicted) {
        rows.removeAll();
        int assigned = devicesPerHub.values().stream().mapToInt(Integer::intValue).sum();
        TreeSet<String> hubs = new TreeSet<>(predicted.keySet());
        hubs.addAll(devicesPerHub.keySet());
        if (hubs.isEmpty()) {
            rows.add(new Span("No device assigned yet."));
        }
        for (String hub : hubs) {
            int devices = devicesPerHub.getOrDefault(hub, 0);
            double actual = assigned == 0 ? 0 : (double) devices / assigned;
            Double expected = predicted.get(hub);
            Div bar = new Div();
            bar.addClassName("dps-sim-bar");
            bar.getStyle().set("width", percent(actual));
            Div track = new Div(bar);
            track.addClassName("dps-sim-bar-track");
            if (expected != null) {
                Div marker = new Div();
                marker.addClassName("dps-sim-bar-marker");
                marker.getStyle().set("left", percent(expected));
                track.add(marker);
            }
            Span name = new Span(hub);
            name.addClassName("dps-sim-bar-label");
            Span figures = new Span(devices + " (" + Math.round(actual * 100) + "%"
                    + (expected == null ? "" : ", expected " + Math.round(expected * 100) + "%") + ")");
            figures.addClassName("dps-sim-bar-value");
            Div row = new Div(name, figures, track);
            row.addClassName("dps-sim-bar-row");
            row.getElement().setAttribute("data-hub", hub);
            rows.add(row);
        }
    }

    static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", Math.max(0, Math.min(1, fraction)) * 100);
    }
}
