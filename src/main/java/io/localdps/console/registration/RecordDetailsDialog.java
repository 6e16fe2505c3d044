package io.localdps.console.registration;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H4;
import io.localdps.registration.Attempt;
import io.localdps.registration.RegistrationRecord;

/** One record: its assignment, its error, and the last attempts with their reasons (never secrets). */
class RecordDetailsDialog extends Dialog {

    RecordDetailsDialog(RegistrationRecord record) {
        setHeaderTitle(record.registrationId());
        setWidth("56rem");
        DescriptionList facts = new DescriptionList();
        facts.addClassName("dps-review");
        add(facts);
        fact(facts, "Status", record.status().wireName() + (record.substatus() == null ? "" : " (" + record.substatus().wireName() + ")"));
        fact(facts, "Assigned IoT hub", record.assignedHub());
        fact(facts, "Device ID", record.deviceId());
        fact(facts, "Attestation", record.attestationType().label());
        fact(facts, "Enrollment group", record.enrollmentGroupId());
        fact(facts, "Error", record.errorCode() == null ? null : record.errorCode() + ": " + record.errorMessage());
        fact(facts, "Created", RegistrationRecordsGrid.TIME.format(record.created()));
        fact(facts, "Last updated", RegistrationRecordsGrid.TIME.format(record.updated()));
        fact(facts, "ETag", record.etag());

        Grid<Attempt> attempts = new Grid<>();
        attempts.setId("record-attempts");
        attempts.addColumn(attempt -> RegistrationRecordsGrid.TIME.format(attempt.at())).setHeader("When").setAutoWidth(true);
        attempts.addColumn(Attempt::transport).setHeader("Transport").setAutoWidth(true);
        attempts.addColumn(Attempt::outcome).setHeader("Outcome").setAutoWidth(true);
        attempts.addColumn(Attempt::detail).setHeader("Detail").setFlexGrow(3);
        attempts.setItems(record.attempts().attempts());
        attempts.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        attempts.setAllRowsVisible(true);
        add(new H4("Last attempts"), attempts);
        getFooter().add(new Button("Close", click -> close()));
    }

    private static void fact(DescriptionList facts, String label, String value) {
        facts.add(new DescriptionList.Term(label), new DescriptionList.Description(value == null ? "—" : value));
    }
}
