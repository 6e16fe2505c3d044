package io.localdps.console.enrollment;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.localdps.common.Json;
import io.localdps.console.components.FormSection;
import io.localdps.enrollment.EnrollmentRules;
import io.localdps.enrollment.InitialTwin;

import java.util.Map;

/** The "Device settings" tab: IoT Edge and the initial device twin (portal.md §3.2, tab 3). */
class DeviceSettingsFields extends FormLayout implements FormSection {

    private final Checkbox iotEdge = new Checkbox("Enable IoT Edge on provisioned devices");
    private final TextArea tags = new TextArea("Device tags");
    private final TextArea desired = new TextArea("Desired properties");

    DeviceSettingsFields() {
        for (TextArea area : new TextArea[]{tags, desired}) {
            area.setValue("{}");
            area.addClassName("dps-json");
            area.setWidthFull();
            area.setMinRows(4);
            area.setMaxRows(16);
        }
        tags.setHelperText("A JSON object, written into each device's twin tags on first assignment.");
        desired.setHelperText("A JSON object, the twin's desired properties on first assignment.");
        iotEdge.setTooltipText("Either all devices of an enrollment are IoT Edge devices or none are.");
        setResponsiveSteps(new ResponsiveStep("0", 1));
        add(iotEdge, tags, desired);
    }

    void show(boolean edge, InitialTwin twin) {
        iotEdge.setValue(edge);
        tags.setValue(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(twin.tags()));
        desired.setValue(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(twin.desiredProperties()));
    }

    boolean iotEdge() {
        return iotEdge.getValue();
    }

    /** Only call after {@link #validate()} answered true. */
    InitialTwin initialTwin() {
        return new InitialTwin(Json.parseObject(tags.getValue()).object(), Json.parseObject(desired.getValue()).object());
    }

    @Override
    public boolean validate() {
        boolean tagsOk = check(tags, EnrollmentRules.parseTwinSection(tags.getValue(), "device tags", EnrollmentRules.MAX_TAGS_BYTES));
        boolean desiredOk = check(desired, EnrollmentRules.parseTwinSection(desired.getValue(), "desired properties",
                EnrollmentRules.MAX_DESIRED_BYTES));
        return tagsOk && desiredOk;
    }

    private static boolean check(TextArea area, Json.ParsedObject parsed) {
        area.setErrorMessage(parsed.error());
        area.setInvalid(!parsed.ok());
        return parsed.ok();
    }

    @Override
    public Map<String, HasValidation> fieldsByName() {
        return Map.of("initialTwin.tags", tags, "initialTwin.desiredProperties", desired);
    }
}
