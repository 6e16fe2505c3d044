package io.localdps.console.simulator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.localdps.simulation.DeviceResult;
import io.localdps.simulation.ResultFilter;
import io.localdps.simulation.RunProgress;
import io.localdps.simulation.SimulationRun;
import io.localdps.simulation.SimulationService;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.TreeSet;

/** One run as it happens: progress, counters, the two charts, the results grid and the run's actions. */
class RunPanel extends VerticalLayout {

    static final String ALL = "All";

    private final SimulationService simulations;
    private final SimulationRun run;
    private final ProgressBar progressBar = new ProgressBar();
    private final Span progressText = new Span();
    private final Span note = new Span();
    private final Span assigned = new Span();
    private final Span failed = new Span();
    private final Span throttled = new Span();
    private final Span inFlight = new Span();
    private final HubChart hubChart = new HubChart();
    private final LatencyChart latencyChart = new LatencyChart();
    private final Select<String> statusFilter = new Select<>();
    private final Select<String> hubFilter = new Select<>();
    private final TextField idFilter = new TextField();
    private final Grid<DeviceResult> grid = new Grid<>();
    private final Button stop = new Button("Stop", VaadinIcon.STOP.create());
    private boolean ended;

    RunPanel(SimulationService simulations, SimulationRun run, Runnable runAgain) {
        this.simulations = simulations;
        this.run = run;
        setId("run-panel");
        setPadding(false);

        H3 title = new H3(run.title());
        title.setId("run-title");
        Span description = new Span(run.description());
        description.addClassName("dps-note");
        progressBar.setId("run-progress");
        progressText.setId("run-progress-text");
        progressText.addClassName("dps-sim-progress-text");
        note.setId("run-note");
        Div counters = new Div(counter("Assigned", "count-assigned", assigned), counter("Failed", "count-failed", failed),
                counter("Throttled", "count-throttled", throttled), counter("In flight", "count-in-flight", inFlight));
        counters.addClassName("dps-sim-counters");
        Div charts = new Div(hubChart, latencyChart);
        charts.addClassName("dps-sim-charts");

        stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        stop.addClickListener(click -> {
            simulations.stop(run.id());
            stop.setEnabled(false);
        });
        Button again = new Button("Run again", VaadinIcon.REFRESH.create(), click -> runAgain.run());
        again.setTooltipText("Registers the same devices once more, which exercises the reprovisioning policy.");
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] content = simulations.csv(run.id());
            return new DownloadResponse(new ByteArrayInputStream(content), "simulation-run-" + run.id() + ".csv",
                    "text/csv", content.length);
        }), AttachmentType.DOWNLOAD, "");
        csv.add(new Button("Download CSV", VaadinIcon.DOWNLOAD.create()));
        csv.setId("download-csv");
        HorizontalLayout actions = new HorizontalLayout(stop, again, csv);

        statusFilter.setLabel("Status");
        statusFilter.setItems(ALL, "assigned", "failed", "disabled", "error", "stopped");
        statusFilter.setValue(ALL);
        statusFilter.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        hubFilter.setLabel("IoT hub");
        hubFilter.setItems(ALL);
        hubFilter.setValue(ALL);
        hubFilter.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        idFilter.setLabel("Registration ID contains");
        idFilter.setClearButtonVisible(true);
        idFilter.setValueChangeMode(ValueChangeMode.LAZY);
        idFilter.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(statusFilter, hubFilter, idFilter);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("results-grid");
        grid.addColumn(DeviceResult::registrationId).setHeader("Registration ID").setFlexGrow(2);
        grid.addColumn(DeviceResult::status).setHeader("Status");
        grid.addColumn(DeviceResult::substatus).setHeader("Substatus");
        grid.addColumn(DeviceResult::assignedHub).setHeader("Assigned hub").setFlexGrow(2);
        grid.addColumn(DeviceResult::deviceId).setHeader("Device ID");
        grid.addColumn(DeviceResult::attempts).setHeader("Attempts");
        grid.addColumn(result -> result.latencyMillis() < 0 ? "" : result.latencyMillis() + " ms").setHeader("Latency");
        grid.addColumn(DeviceResult::error).setHeader("Error").setFlexGrow(3);
        grid.setItems(query -> simulations.results(run.id(), filter(), query.getOffset(), query.getLimit()).stream(),
                query -> simulations.countResults(run.id(), filter()));
        grid.setEmptyStateText(run.outcomesForgotten()
                ? "This older run keeps only its counters; the devices of the newest " + SimulationService.RUNS_WITH_OUTCOMES
                + " runs are listed."
                : "No device matches the filters.");
        grid.setHeight("28rem");

        HorizontalLayout progress = new HorizontalLayout(progressBar, progressText);
        progress.setWidthFull();
        progress.setAlignItems(FlexComponent.Alignment.CENTER);
        progress.expand(progressBar);
        add(title, description, progress, note, counters, actions, charts, filters, grid);
        setWidthFull();
        refresh();
    }

    SimulationRun run() {
        return run;
    }

    boolean ended() {
        return ended;
    }

    /** Reads the run's progress; the grid reloads only while devices still change, and once more at the end. */
    void refresh() {
        RunProgress progress = simulations.progress(run.id());
        progressBar.setValue(progress.fraction());
        progressText.setText(String.format("%,d of %,d devices finished (%d%%)%s", progress.finished(), progress.total(),
                Math.round(progress.fraction() * 100), progress.ended() ? (progress.stopped() ? " · stopped" : " · done") : ""));
        note.setText(progress.note() == null ? "" : progress.note());
        note.setVisible(progress.note() != null);
        note.setClassName("dps-field-error", progress.ended());
        note.setClassName("dps-note", !progress.ended());
        assigned.setText(String.format("%,d", progress.assigned()));
        failed.setText(String.format("%,d", progress.failed()));
        throttled.setText(String.format("%,d", progress.throttled()));
        inFlight.setText(String.format("%,d", progress.inFlight()));
        hubChart.show(progress.devicesPerHub(), progress.predictedShares());
        latencyChart.show(progress.latency());
        TreeSet<String> hubs = new TreeSet<>(progress.predictedShares().keySet());
        hubs.addAll(progress.devicesPerHub().keySet());
        List<String> hubItems = new java.util.ArrayList<>(List.of(ALL));
        hubItems.addAll(hubs);
        if (!hubItems.equals(hubFilter.getListDataView().getItems().toList())) {
            String selected = hubFilter.getValue();
            hubFilter.setItems(hubItems);
            hubFilter.setValue(hubItems.contains(selected) ? selected : ALL);
        }
        stop.setEnabled(!progress.ended());
        if (!ended) {
            grid.getDataProvider().refreshAll();
        }
        ended = progress.ended();
    }

    private ResultFilter filter() {
        return new ResultFilter(ALL.equals(statusFilter.getValue()) ? null : statusFilter.getValue(),
                ALL.equals(hubFilter.getValue()) ? null : hubFilter.getValue(), idFilter.getValue());
    }

    private static Div counter(String label, String id, Span value) {
        value.addClassName("dps-count");
        value.setId(id);
        Div card = new Div(value, new Span(label));
        card.addClassName("dps-sim-counter");
        return card;
    }
}
