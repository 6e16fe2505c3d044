package io.localdps.console.simulator;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.localdps.simulation.RunSettings;
import io.localdps.simulation.RunSettings.Arrival;
import io.localdps.simulation.RunSettings.Protocol;
import io.localdps.simulation.SimulationRules;
import io.localdps.simulation.SimulationTarget;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The settings of a new run; each field checks itself as it changes, and Start hands valid settings on. */
class RunForm extends FormLayout {

    final ComboBox<SimulationTarget> target = new ComboBox<>("Devices enroll with");
    final IntegerField count = new IntegerField("Number of devices");
    final TextField registrationIds = new TextField("Registration IDs");
    final RadioButtonGroup<Protocol> protocol = new RadioButtonGroup<>("Protocol");
    final Select<Arrival> arrival = new Select<>();
    final IntegerField rate = new IntegerField("Devices per second");
    final IntegerField ramp = new IntegerField("Ramp duration (s)");
    final IntegerField concurrency = new IntegerField("Concurrency");
    final TextArea payload = new TextArea("Payload template (JSON)");
    final Button start = new Button("Start run", VaadinIcon.PLAY.create());

    RunForm(List<SimulationTarget> targets, Consumer<RunSettings> onStart) {
        setId("run-form");
        target.setItems(targets);
        target.setItemLabelGenerator(SimulationTarget::label);
        target.setRequiredIndicatorVisible(true);
        target.setHelperText("An enrollment group, or individual enrollments the run creates for its devices.");
        targets.stream().findFirst().ifPresent(target::setValue);
        target.addValueChangeListener(change -> {
            check(target, targetProblem());
            check(registrationIds, idsProblem());
            if (change.getValue() != null && change.getValue().kind() == SimulationTarget.Kind.TPM_INDIVIDUAL) {
                protocol.setValue(Protocol.HTTPS);
            }
            check(protocol, SimulationRules.protocolProblem(target.getValue(), protocol.getValue()));
        });
        count.setMin(1);
        count.setMax(SimulationRules.MAX_DEVICES);
        count.setStepButtonsVisible(true);
        count.setHelperText("1 to 100,000");
        count.addValueChangeListener(change -> {
            check(count, SimulationRules.countProblem(count.getValue()));
            check(registrationIds, idsProblem());
        });
        registrationIds.setHelperText("{n} becomes the device number, {n:05} zero-padded: sim-{n:05} makes sim-00001, …");
        registrationIds.setValueChangeMode(ValueChangeMode.LAZY);
        registrationIds.addValueChangeListener(change -> check(registrationIds, idsProblem()));
        protocol.setItems(Protocol.values());
        protocol.setItemLabelGenerator(Protocol::label);
        protocol.addValueChangeListener(change -> check(protocol, SimulationRules.protocolProblem(target.getValue(), protocol.getValue())));
        arrival.setLabel("Arrival");
        arrival.setItems(Arrival.values());
        arrival.setItemLabelGenerator(Arrival::label);
        arrival.addValueChangeListener(change -> showArrivalFields());
        rate.setStepButtonsVisible(true);
        rate.addValueChangeListener(change -> check(rate, rateProblem()));
        ramp.setHelperText("The rate grows from zero to the rate above over this time; each start is shifted by up to half a second.");
        ramp.addValueChangeListener(change -> check(ramp, rampProblem()));
        concurrency.setHelperText("At most this many registrations at once.");
        concurrency.addValueChangeListener(change -> check(concurrency,
                SimulationRules.rangeProblem(concurrency.getValue(), SimulationRules.MAX_CONCURRENCY, "concurrency")));
        payload.setHelperText("Optional; sent as the registration payload. {id} becomes the registration ID, {n} the device number.");
        payload.setValueChangeMode(ValueChangeMode.LAZY);
        payload.addValueChangeListener(change -> check(payload, SimulationRules.payloadProblem(payload.getValue())));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(click -> {
            if (validate()) {
                onStart.accept(settings());
            }
        });
        add(target, count, registrationIds, protocol, arrival, rate, ramp, concurrency, payload, new Div(start));
        setColspan(target, 2);
        setColspan(payload, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40rem", 2));
        fill(RunSettings.defaults(target.getValue()));
    }

    void fill(RunSettings settings) {
        if (settings.target() != null) {
            target.setValue(settings.target());
        }
        count.setValue(settings.count());
        registrationIds.setValue(settings.registrationIds());
        protocol.setValue(settings.protocol());
        arrival.setValue(settings.arrival());
        rate.setValue(settings.ratePerSecond());
        ramp.setValue(settings.rampSeconds());
        concurrency.setValue(settings.concurrency());
        payload.setValue(settings.payloadTemplate() == null ? "" : settings.payloadTemplate());
        showArrivalFields();
    }

    RunSettings settings() {
        return new RunSettings(target.getValue(), count.getValue(), registrationIds.getValue(), protocol.getValue(),
                arrival.getValue(), rate.getValue(), ramp.getValue(), concurrency.getValue(), payload.getValue());
    }

    Map<String, HasValidation> fieldsByName() {
        return Map.of(SimulationRules.TARGET, target, SimulationRules.COUNT, count,
                SimulationRules.REGISTRATION_IDS, registrationIds, SimulationRules.PROTOCOL, protocol,
                SimulationRules.RATE, rate, SimulationRules.RAMP, ramp, SimulationRules.CONCURRENCY, concurrency,
                SimulationRules.PAYLOAD, payload);
    }

    private boolean validate() {
        return check(target, targetProblem())
                & check(count, SimulationRules.countProblem(count.getValue()))
                & check(registrationIds, idsProblem())
                & check(protocol, SimulationRules.protocolProblem(target.getValue(), protocol.getValue()))
                & check(rate, rateProblem())
                & check(ramp, rampProblem())
                & check(concurrency, SimulationRules.rangeProblem(concurrency.getValue(), SimulationRules.MAX_CONCURRENCY, "concurrency"))
                & check(payload, SimulationRules.payloadProblem(payload.getValue()));
    }

    private void showArrivalFields() {
        rate.setVisible(arrival.getValue() != Arrival.ALL_AT_ONCE);
        ramp.setVisible(arrival.getValue() == Arrival.RAMP);
    }

    private Optional<String> targetProblem() {
        return target.getValue() == null ? Optional.of("Choose what the devices enroll with.") : Optional.empty();
    }

    private Optional<String> idsProblem() {
        boolean x509 = target.getValue() != null && target.getValue().kind() == SimulationTarget.Kind.X509_GROUP;
        return SimulationRules.registrationIdsProblem(registrationIds.getValue(), count.getValue(), x509);
    }

    private Optional<String> rateProblem() {
        return arrival.getValue() == Arrival.ALL_AT_ONCE ? Optional.empty()
                : SimulationRules.rangeProblem(rate.getValue(), SimulationRules.MAX_RATE, "rate (devices per second)");
    }

    private Optional<String> rampProblem() {
        return arrival.getValue() != Arrival.RAMP ? Optional.empty()
                : SimulationRules.rangeProblem(ramp.getValue(), SimulationRules.MAX_RAMP_SECONDS, "ramp duration (seconds)");
    }

    private static boolean check(HasValidation field, Optional<String> problem) {
        field.setErrorMessage(problem.orElse(null));
        field.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }
}
