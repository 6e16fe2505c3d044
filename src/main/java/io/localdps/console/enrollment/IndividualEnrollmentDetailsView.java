package io.localdps.console.enrollment;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.localdps.common.InvalidInputException;
import io.localdps.common.StaleVersionException;
import io.localdps.console.components.ConfirmDelete;
import io.localdps.console.components.FieldRules;
import io.localdps.console.components.Notifications;
import io.localdps.enrollment.EnrollmentRules;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.hub.LinkedHub;
import io.localdps.hub.LinkedHubService;
import io.localdps.registration.RegistrationRecordService;
import jakarta.annotation.security.PermitAll;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** Details of one individual enrollment (portal.md §3.4). */
@Route("enrollments/individual")
@PageTitle("Individual enrollment | LocalDPS")
@PermitAll
public class IndividualEnrollmentDetailsView extends com.vaadin.flow.component.orderedlayout.VerticalLayout
        implements HasUrlParameter<String> {

    private final IndividualEnrollmentService enrollments;
    private final LinkedHubService linkedHubs;
    private final RegistrationRecordService records;
    private IndividualEnrollment enrollment;
    private EnrollmentSettingsEditor editor;
    private TextField deviceId;

    public IndividualEnrollmentDetailsView(IndividualEnrollmentService enrollments, LinkedHubService linkedHubs,
                                           RegistrationRecordService records) {
        this.enrollments = enrollments;
        this.records = records;
        this.linkedHubs = linkedHubs;
        addClassName("dps-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String registrationId) {
        Optional<IndividualEnrollment> found = enrollments.find(registrationId);
        if (found.isEmpty()) {
            Notifications.error("There is no individual enrollment with registration ID " + registrationId + ".");
            event.forwardTo(EnrollmentsView.class);
            return;
        }
        enrollment = found.get();
        render();
    }

    private void render() {
        editor = new EnrollmentSettingsEditor(linkedHubs.all().stream().map(LinkedHub::hostName).toList(),
                enrollment.settings());
        TextField registrationId = new TextField("Registration ID");
        registrationId.setValue(enrollment.registrationId());
        registrationId.setReadOnly(true);
        deviceId = new TextField("IoT Hub Device ID");
        deviceId.setValue(enrollment.deviceId() == null ? "" : enrollment.deviceId());
        deviceId.setPlaceholder(enrollment.registrationId());
        deviceId.setHelperText("Blank means the device ID is the registration ID.");
        FormLayout identity = new FormLayout(registrationId, deviceId, registrationStatus());
        EnrollmentDetailsFrame.fill(this, enrollment.registrationId(),
                EnrollmentDetailsFrame.toolbar(this::save, this::reload, this::delete, this::back),
                identity, new AttestationDetails(enrollment.attestation()), enrollment.created(), enrollment.updated(),
                editor);
    }

    /** The device's current registration state, as the portal shows it on an individual enrollment. */
    private TextField registrationStatus() {
        TextField status = new TextField("Registration status");
        status.setReadOnly(true);
        status.setValue(records.find(enrollment.registrationId())
                .map(record -> record.status().wireName()
                        + (record.assignedHub() == null ? "" : " · " + record.assignedHub() + " · device " + record.deviceId())
                        + (record.errorCode() == null ? "" : " · error " + record.errorCode() + ": " + record.errorMessage()))
                .orElse("Not registered yet"));
        return status;
    }

    private void save() {
        var deviceIdProblem = EnrollmentRules.deviceIdProblem(deviceId.getValue().trim());
        deviceId.setErrorMessage(deviceIdProblem.orElse(null));
        deviceId.setInvalid(deviceIdProblem.isPresent());
        if (!editor.validate() || deviceIdProblem.isPresent()) {
            Notifications.error("Not saved: see the highlighted fields.");
            return;
        }
        try {
            enrollment = enrollments.update(enrollment.registrationId(), enrollment.version(),
                    deviceId.getValue().trim(), editor.settings());
            Notifications.success("Saved individual enrollment " + enrollment.registrationId());
            render();
        } catch (InvalidInputException e) {
            Map<String, HasValidation> fields = new HashMap<>(editor.fieldsByName());
            fields.put(IndividualEnrollmentService.DEVICE_ID, deviceId);
            FieldRules.showAtFields(e.fieldErrors(), fields);
            Notifications.error("Not saved: see the highlighted fields.");
        } catch (StaleVersionException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void reload() {
        enrollment = enrollments.get(enrollment.registrationId());
        render();
    }

    private void delete() {
        ConfirmDelete.open("Delete individual enrollment", "Delete the individual enrollment "
                        + enrollment.registrationId() + "?", List.of(),
                "Its registration record is kept and the device stays in its IoT hub. If the device also matches "
                        + "an enrollment group, it can register through that group again.", () -> {
                    enrollments.delete(List.of(enrollment.registrationId()));
                    Notifications.success("Deleted individual enrollment " + enrollment.registrationId());
                    back();
                });
    }

    private void back() {
        getUI().ifPresent(ui -> ui.navigate(EnrollmentsView.class, new com.vaadin.flow.router.QueryParameters(
                Map.of("tab", List.of("individual")))));
    }
}
