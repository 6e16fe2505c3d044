package io.localdps.console.simulator;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.localdps.simulation.RunProgress.LatencyBucket;

import java.util.List;

/** How long finished devices took, from first connection to final answer, as a column per time bucket. */
class LatencyChart extends Div {

    private final Div columns = new Div();

    LatencyChart() {
        setId("latency-chart");
        addClassName("dps-sim-chart");
        columns.addClassName("dps-sim-histogram");
        add(new H3("Registration latency"), columns);
    }

    void show(List<LatencyBucket> buckets) {
        columns.removeAll();
        int highest = buckets.stream().mapToInt(LatencyBucket::devices).max().orElse(0);
        for (LatencyBucket bucket : buckets) {
            Div column = new Div();
            column.addClassName("dps-sim-histogram-bar");
            column.getStyle().set("height", highest == 0 ? "0" : HubChart.percent((double) bucket.devices() / highest));
            column.setTitle(bucket.devices() + " devices took " + bucket.label());
            Div area = new Div(column);
            area.addClassName("dps-sim-histogram-area");
            Span count = new Span(Integer.toString(bucket.devices()));
            Span label = new Span(bucket.label());
            label.addClassName("dps-note");
            Div cell = new Div(count, area, label);
            cell.addClassName("dps-sim-histogram-column");
            columns.add(cell);
        }
    }
}
