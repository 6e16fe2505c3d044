package io.localdps.console.hub;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.localdps.common.Json;
import io.localdps.console.components.ConfirmDelete;
import io.localdps.console.components.Copy;
import io.localdps.console.components.Notifications;
import io.localdps.console.components.SecretField;
import io.localdps.hub.DeviceAuthentication;
import io.localdps.hub.DeviceRecord;
import io.localdps.hub.DeviceTwin;
import io.localdps.hub.HubDeviceDetails;
import io.localdps.hub.HubDeviceService;
import jakarta.annotation.security.PermitAll;

import java.util.List;
import java.util.Map;

/**
 * One device of a simulated hub: its identity (keys masked) and its twin as IoT Hub shows it. The
 * device ID travels as a query parameter, {@code hub-devices/{hostName}/device?id=...}: IoT Hub
 * allows {@code # ? % +} in device IDs, which Vaadin's route parameters do not encode but its query
 * parameters do.
 */
@Route("hub-devices/:hostName/device")
@PageTitle("Hub device | LocalDPS")
@PermitAll
public class HubDeviceView extends VerticalLayout implements BeforeEnterObserver {

    static final String DELETE_NOTE = "DPS keeps the registration record. When the device registers again, DPS "
            + "creates it in its hub again, with the enrollment's initial twin.";

    private final HubDeviceService devices;
    private String hostName;
    private String deviceId;

    public HubDeviceView(HubDeviceService devices) {
        this.devices = devices;
        addClassName("dps-page");
    }

    static void open(UI ui, String hostName, String deviceId) {
        ui.navigate(HubDeviceView.class, new RouteParameters(Map.of("hostName", hostName)),
                QueryParameters.of("id", deviceId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        hostName = event.getRouteParameters().get("hostName").orElse("");
        deviceId = event.getLocation().getQueryParameters().getSingleParameter("id").orElse("");
        render();
    }

    private void render() {
        removeAll();
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> render());
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), click -> confirmDelete());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button back = new Button("Back to devices", VaadinIcon.ARROW_LEFT.create(), click -> back());
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var found = devices.details(hostName, deviceId);
        if (found.isEmpty()) {
            add(new H2(deviceId), new Paragraph("The IoT hub " + hostName + " has no device " + deviceId
                    + " (or the hub is not linked)."), back);
            return;
        }
        HubDeviceDetails details = found.get();
        VerticalLayout device = new VerticalLayout(identity(details.device()), credentials(details.device()));
        device.setPadding(false);
        device.setWidth("36rem");
        VerticalLayout twin = new VerticalLayout(new H3("Device twin"), twin(details.twin()));
        twin.setPadding(false);
        twin.setWidth(null);
        twin.getStyle().set("flex", "1 1 24rem");
        // Side by side on a wide screen, so identity and twin are seen together; stacked on a narrow one.
        FlexLayout columns = new FlexLayout(device, twin);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-xl)");
        columns.setWidthFull();
        add(new H2(deviceId), new HorizontalLayout(refresh, delete, back), columns);
    }

    private static DescriptionList identity(DeviceRecord device) {
        DescriptionList facts = new DescriptionList();
        facts.setId("device-identity");
        facts.addClassName("dps-review");
        fact(facts, "Device ID", device.deviceId());
        fact(facts, "IoT hub", device.hubHostName());
        fact(facts, "Authentication type", device.authentication().type().label());
        fact(facts, "IoT Edge", device.iotEdge() ? "Yes" : "No");
        fact(facts, "Status", device.status().label());
        fact(facts, "Generation ID", device.generationId());
        fact(facts, "ETag", device.etag());
        fact(facts, "Created", HubDevicesView.TIMESTAMP.format(device.created()));
        fact(facts, "Last updated", HubDevicesView.TIMESTAMP.format(device.updated()));
        return facts;
    }

    private static VerticalLayout credentials(DeviceRecord device) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        DeviceAuthentication authentication = device.authentication();
        switch (authentication.type()) {
            case SAS -> section.add(new SecretField("Primary key", authentication.primaryKey()),
                    new SecretField("Secondary key", authentication.secondaryKey()),
                    new SecretField("Primary connection string", "HostName=" + device.hubHostName()
                            + ";DeviceId=" + device.deviceId() + ";SharedAccessKey=" + authentication.primaryKey()));
            case SELF_SIGNED -> {
                // Thumbprints identify public certificates: nothing secret to mask.
                DescriptionList thumbprints = new DescriptionList();
                thumbprints.addClassName("dps-review");
                fact(thumbprints, "Primary thumbprint", authentication.primaryThumbprint());
                fact(thumbprints, "Secondary thumbprint",
                        authentication.secondaryThumbprint() == null ? "None" : authentication.secondaryThumbprint());
                section.add(thumbprints);
            }
            case CERTIFICATE_AUTHORITY -> section.add(new Paragraph("The device authenticates with any certificate "
                    + "that chains to a CA certificate the hub trusts; no key or thumbprint is stored."));
        }
        return section;
    }

    private static VerticalLayout twin(DeviceTwin twin) {
        String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(twin.document());
        Pre document = new Pre(json);
        document.setId("device-twin");
        document.addClassName("dps-json");
        Paragraph versions = new Paragraph("Desired properties $version " + twin.desiredVersion()
                + ", reported properties $version " + twin.reportedVersion() + ".");
        versions.addClassName("dps-note");
        HorizontalLayout heading = new HorizontalLayout(versions, Copy.button("device twin", () -> json));
        VerticalLayout section = new VerticalLayout(heading, document);
        section.setPadding(false);
        return section;
    }

    private static void fact(DescriptionList list, String term, String value) {
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(value));
    }

    private void confirmDelete() {
        ConfirmDelete.open("Delete hub device", "Delete the device " + deviceId + " from " + hostName + "?",
                List.of(), DELETE_NOTE, () -> {
                    devices.delete(hostName, deviceId);
                    Notifications.success("Deleted device " + deviceId);
                    back();
                });
    }

    private void back() {
        getUI().ifPresent(ui -> ui.navigate(HubDevicesView.class, hostName));
    }
}
