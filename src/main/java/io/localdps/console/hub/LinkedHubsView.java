package io.localdps.console.hub;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.localdps.common.InvalidInputException;
import io.localdps.common.PageRequest;
import io.localdps.console.components.ConfirmDelete;
import io.localdps.console.components.Notifications;
import io.localdps.hub.HubDeviceService;
import io.localdps.hub.LinkedHub;
import io.localdps.hub.LinkedHubService;
import jakarta.annotation.security.PermitAll;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Linked IoT hubs (portal.md §5): the hubs enrollments can assign devices to. */
@Route("linked-hubs")
@PageTitle("Linked IoT hubs | LocalDPS")
@PermitAll
public class LinkedHubsView extends VerticalLayout {

    private final LinkedHubService hubs;
    private final HubDeviceService devices;
    private final Grid<LinkedHub> grid = new Grid<>();
    private final Button delete = new Button("Delete", VaadinIcon.TRASH.create());

    public LinkedHubsView(LinkedHubService hubs, HubDeviceService devices) {
        this.hubs = hubs;
        this.devices = devices;
        addClassName("dps-page");
        setSizeFull();

        Button add = new Button("Add", VaadinIcon.PLUS.create(), click -> openEditor(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> grid.getDataProvider().refreshAll());
        delete.setEnabled(false);
        delete.addClickListener(click -> confirmUnlink(grid.getSelectedItems()));

        grid.setId("linked-hubs-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(LinkedHub::hostName).setHeader("Name").setKey("hostName").setSortable(true).setFlexGrow(3);
        grid.addColumn(LinkedHub::allocationWeight).setHeader("Allocation weight").setKey("allocationWeight").setSortable(true);
        grid.addColumn(hub -> hub.applyAllocationPolicy() ? "Yes" : "No").setHeader("Apply allocation policy")
                .setKey("applyAllocationPolicy").setSortable(true);
        grid.addColumn(hub -> hub.location() == null ? "" : hub.location()).setHeader("Location")
                .setKey("location").setSortable(true);
        // A button, not a row click: clicks on buttons in a cell do not open the hub's editor.
        grid.addComponentColumn(this::devicesButton).setHeader("Devices").setKey("devices");
        grid.setItems(query -> {
            var order = query.getSortOrders().stream().findFirst();
            return hubs.page(new PageRequest(query.getOffset(), query.getLimit(),
                    order.map(o -> o.getSorted()).orElse(null),
                    order.map(o -> o.getDirection() == SortDirection.ASCENDING).orElse(true))).stream();
        });
        grid.addSelectionListener(selection -> delete.setEnabled(!selection.getAllSelectedItems().isEmpty()));
        grid.addItemClickListener(click -> openEditor(click.getItem()));
        grid.setEmptyStateText("No IoT hubs are linked yet. Add one so enrollments can assign devices to it.");

        add(new H2("Linked IoT hubs"), new HorizontalLayout(add, refresh, delete));
        addAndExpand(grid);
    }

    private Button devicesButton(LinkedHub hub) {
        long count = devices.count(hub.hostName());
        Button open = new Button(count + (count == 1 ? " device" : " devices"), VaadinIcon.CUBES.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(HubDevicesView.class, hub.hostName())));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        open.setAriaLabel("Devices of " + hub.hostName());
        return open;
    }

    private void openEditor(LinkedHub existing) {
        Dialog dialog = new Dialog(existing == null ? "Add link to IoT hub" : existing.hostName());
        dialog.setWidth("32rem");
        LinkedHubForm form = new LinkedHubForm(existing);
        form.addSaveListener(save -> {
            try {
                if (existing == null) {
                    hubs.link(save.hostName(), save.settings());
                    Notifications.success("Linked " + save.hostName().toLowerCase());
                } else {
                    hubs.update(existing.hostName(), existing.version(), save.settings());
                    Notifications.success("Saved " + existing.hostName());
                }
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (InvalidInputException e) {
                form.showErrors(e.fieldErrors());
            }
        });
        Button save = new Button("Save", click -> form.save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void confirmUnlink(Set<LinkedHub> selected) {
        List<LinkedHub> chosen = new ArrayList<>(selected);
        List<String> references = new ArrayList<>();
        for (LinkedHub hub : chosen) {
            hubs.referencesTo(hub.hostName(), 20).forEach(name -> references.add(name + " → " + hub.hostName()));
        }
        String question = chosen.size() == 1
                ? "Unlink the IoT hub " + chosen.getFirst().hostName() + "?"
                : "Unlink these " + chosen.size() + " IoT hubs?";
        long deviceCount = chosen.stream().mapToLong(hub -> devices.count(hub.hostName())).sum();
        String kept = deviceCount == 0 ? "Devices already assigned stay in their hub."
                : "The " + deviceCount + (deviceCount == 1 ? " device" : " devices") + " already assigned stay in "
                  + "the simulated hub: hidden while it is unlinked, back when it is linked again. Delete them "
                  + "first on the hub's devices page if you no longer need them.";
        String referencesNote = references.isEmpty() ? "" : " These enrollments name the hub explicitly. Their devices "
                + "will fail to register until the enrollments are changed:";
        ConfirmDelete.open("Unlink IoT hubs", question + referencesNote, references, kept, () -> {
            chosen.forEach(hub -> hubs.unlink(hub.hostName()));
            grid.deselectAll();
            grid.getDataProvider().refreshAll();
            Notifications.success("Unlinked " + chosen.size() + (chosen.size() == 1 ? " hub" : " hubs"));
        });
    }
}
