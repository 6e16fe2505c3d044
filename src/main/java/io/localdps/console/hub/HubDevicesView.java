package io.localdps.console.hub;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.localdps.common.PageRequest;
import io.localdps.console.components.ConfirmDelete;
import io.localdps.console.components.Notifications;
import io.localdps.hub.HubDeviceService;
import io.localdps.hub.HubDeviceSummary;
import io.localdps.hub.LinkedHub;
import io.localdps.hub.LinkedHubService;
import jakarta.annotation.security.PermitAll;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The device registry of one simulated hub: what DPS has written into it. Opened from the Linked
 * IoT hubs page or the menu; {@code hub-devices/{hostName}} names the hub.
 */
@Route("hub-devices")
@PageTitle("IoT hub devices | LocalDPS")
@PermitAll
public class HubDevicesView extends VerticalLayout implements HasUrlParameter<String> {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final HubDeviceService devices;
    private final LinkedHubService hubs;
    private final Select<String> hubChoice = new Select<>();
    private final TextField idFilter = new TextField();
    private final Grid<HubDeviceSummary> grid = new Grid<>();
    private final Button delete = new Button("Delete", VaadinIcon.TRASH.create());
    private final VerticalLayout noHubs = new VerticalLayout(
            new Paragraph("No IoT hubs are linked yet, so there are no hub devices."),
            new RouterLink("Link an IoT hub", LinkedHubsView.class));
    private final HorizontalLayout toolbar;
    private String hostName;

    public HubDevicesView(HubDeviceService devices, LinkedHubService hubs) {
        this.devices = devices;
        this.hubs = hubs;
        addClassName("dps-page");
        setSizeFull();

        hubChoice.setLabel("IoT hub");
        hubChoice.setWidth("24rem");
        hubChoice.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(HubDevicesView.class, change.getValue()));
            }
        });
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> refresh());
        delete.setEnabled(false);
        delete.addClickListener(click -> confirmDelete());
        idFilter.setPlaceholder("Filter by device ID");
        idFilter.setAriaLabel("Filter by device ID");
        idFilter.setClearButtonVisible(true);
        idFilter.setPrefixComponent(VaadinIcon.SEARCH.create());
        idFilter.setValueChangeMode(ValueChangeMode.LAZY);
        idFilter.addValueChangeListener(change -> refresh());

        grid.setId("hub-devices-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(HubDeviceSummary::deviceId).setHeader("Device ID").setKey("deviceId").setSortable(true).setFlexGrow(2);
        grid.addColumn(device -> device.authType().label()).setHeader("Authentication type").setKey("authType").setSortable(true);
        grid.addColumn(device -> device.iotEdge() ? "Yes" : "No").setHeader("IoT Edge").setKey("iotEdge").setSortable(true);
        grid.addColumn(device -> device.status().label()).setHeader("Status").setKey("status").setSortable(true);
        grid.addColumn(device -> TIMESTAMP.format(device.updated())).setHeader("Last updated").setKey("updated").setSortable(true)
                .setAutoWidth(true);
        grid.setItems(query -> devices.page(hostName, idFilter.getValue(), page(query)).stream(),
                query -> Math.toIntExact(devices.count(hostName, idFilter.getValue())));
        grid.addSelectionListener(selection -> delete.setEnabled(!selection.getAllSelectedItems().isEmpty()));
        grid.addItemClickListener(click -> getUI().ifPresent(ui ->
                HubDeviceView.open(ui, click.getItem().hubHostName(), click.getItem().deviceId())));
        grid.setEmptyStateText("No devices match. DPS creates a device here when it assigns one to this hub.");

        toolbar = new HorizontalLayout(hubChoice, idFilter, refresh, delete);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph note = new Paragraph("Each linked hub is simulated inside LocalDPS with a device registry of its own. "
                + "The devices are the ones DPS has assigned to the hub, with the credentials and twin it wrote.");
        note.addClassName("dps-note");
        noHubs.setPadding(false);
        add(new H2("IoT hub devices"), note, noHubs, toolbar);
        addAndExpand(grid);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String hostName) {
        List<String> linked = hubs.all().stream().map(LinkedHub::hostName).toList();
        noHubs.setVisible(linked.isEmpty());
        toolbar.setVisible(!linked.isEmpty());
        grid.setVisible(!linked.isEmpty());
        if (linked.isEmpty()) {
            return;
        }
        String wanted = hostName == null ? linked.getFirst() : hostName.toLowerCase();
        this.hostName = linked.contains(wanted) ? wanted : linked.getFirst();
        if (hostName != null && !linked.contains(wanted)) {
            Notifications.error("The IoT hub " + hostName + " is not linked; showing " + this.hostName + ".");
        }
        hubChoice.setItems(linked);
        hubChoice.setValue(this.hostName);
        grid.deselectAll();
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private static PageRequest page(Query<?, ?> query) {
        var order = query.getSortOrders().stream().findFirst();
        return new PageRequest(query.getOffset(), query.getLimit(), order.map(o -> o.getSorted()).orElse(null),
                order.map(o -> o.getDirection() == SortDirection.ASCENDING).orElse(true));
    }

    private void confirmDelete() {
        List<String> ids = grid.getSelectedItems().stream().map(HubDeviceSummary::deviceId).sorted().toList();
        String question = ids.size() == 1 ? "Delete the device " + ids.getFirst() + " from " + hostName + "?"
                : "Delete these " + ids.size() + " devices from " + hostName + "?";
        ConfirmDelete.open("Delete hub device" + (ids.size() == 1 ? "" : "s"), question, ids.size() == 1 ? List.of() : ids,
                HubDeviceView.DELETE_NOTE, () -> {
                    ids.forEach(id -> devices.delete(hostName, id));
                    grid.deselectAll();
                    refresh();
                    Notifications.success("Deleted " + ids.size() + (ids.size() == 1 ? " device" : " devices"));
                });
    }
}
