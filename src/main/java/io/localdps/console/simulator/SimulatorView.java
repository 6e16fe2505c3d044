package io.localdps.console.simulator;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.localdps.common.InvalidInputException;
import io.localdps.console.components.FieldRules;
import io.localdps.console.components.Notifications;
import io.localdps.simulation.RunSettings;
import io.localdps.simulation.SimulationRun;
import io.localdps.simulation.SimulationService;
import jakarta.annotation.security.PermitAll;

import java.util.List;

/**
 * The simulated device fleet (issue #6): start a run of devices that register with this instance
 * over the real device protocols, and watch them spread across the linked hubs. The console
 * polls once a second while a run is shown and unfinished (the app has no server push).
 */
@Route("simulator")
@PageTitle("Simulator | LocalDPS")
@PermitAll
public class SimulatorView extends VerticalLayout {

    static final int POLL_MILLIS = 1000;

    private final SimulationService simulations;
    private final RunForm form;
    private final Details newRun;
    private final Select<SimulationRun> runChoice = new Select<>();
    private final VerticalLayout runArea = new VerticalLayout();
    private RunPanel panel;
    private Registration polling;

    public SimulatorView(SimulationService simulations) {
        this.simulations = simulations;
        addClassName("dps-page");
        form = new RunForm(simulations.targets(), this::start);
        Paragraph note = new Paragraph("Simulated devices register with this instance over MQTT or HTTPS exactly as real "
                + "devices do, with symmetric keys, X.509 certificates from the certificate lab, or a software TPM. "
                + "Runs are kept in this node's memory (the last " + SimulationService.KEPT_RUNS
                + "); they end when the node stops.");
        note.addClassName("dps-note");
        runChoice.setLabel("Run");
        runChoice.setItemLabelGenerator(SimulationRun::title);
        runChoice.setWidth("30rem");
        runChoice.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                show(change.getValue());
            }
        });
        runArea.setPadding(false);
        runArea.setWidthFull();
        List<SimulationRun> runs = simulations.runs();
        // The form folds away while a run is shown, so progress and charts are in view without scrolling.
        newRun = new Details("New run", form);
        newRun.setId("new-run");
        newRun.setOpened(runs.isEmpty());
        add(new H2("Simulator"), note, newRun, runChoice, runArea);
        runChoice.setVisible(!runs.isEmpty());
        if (!runs.isEmpty()) {
            show(runs.getFirst());
        }
    }

    private void start(RunSettings settings) {
        try {
            show(simulations.start(settings));
            newRun.setOpened(false);
        } catch (InvalidInputException e) {
            String unplaced = FieldRules.showAtFields(e.fieldErrors(), form.fieldsByName());
            if (!unplaced.isEmpty()) {
                Notifications.error(unplaced);
            }
        }
    }

    private void runAgain(SimulationRun run) {
        SimulationRun again;
        try {
            again = simulations.runAgain(run.id());
        } catch (InvalidInputException e) {
            Notifications.error(String.join(" ", e.fieldErrors().values()));
            return;
        }
        form.fill(again.settings());
        show(again);
    }

    private void show(SimulationRun run) {
        runArea.removeAll();
        panel = new RunPanel(simulations, run, () -> runAgain(run));
        runArea.add(panel);
        List<SimulationRun> runs = simulations.runs();
        runChoice.setItems(runs);
        runChoice.setValue(run);
        runChoice.setVisible(true);
        getUI().ifPresent(this::poll);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        polling = event.getUI().addPollListener(poll -> {
            if (panel != null) {
                panel.refresh();
                if (panel.ended()) {
                    event.getUI().setPollInterval(-1);
                }
            }
        });
        poll(event.getUI());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        super.onDetach(event);
    }

    private void poll(UI ui) {
        ui.setPollInterval(panel != null && !panel.ended() ? POLL_MILLIS : -1);
    }
}
