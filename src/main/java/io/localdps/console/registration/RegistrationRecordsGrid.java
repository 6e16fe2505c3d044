package io.localdps.console.registration;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.localdps.common.PageRequest;
import io.localdps.console.components.ConfirmDelete;
import io.localdps.console.components.Notifications;
import io.localdps.registration.RecordFilter;
import io.localdps.registration.RegistrationRecord;
import io.localdps.registration.RegistrationRecordService;
import io.localdps.registration.RegistrationStatus;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A lazy grid of registration records with filters and delete. On the Registration records page
 * it shows every record; on a group's details page only that group's (fixedGroup).
 */
public class RegistrationRecordsGrid extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Grid<RegistrationRecord> grid = new Grid<>();
    private final TextField idFilter = new TextField();
    private final Select<RegistrationStatus> statusFilter = new Select<>();
    private final TextField hubFilter = new TextField();
    private final TextField groupFilter = new TextField();
    private final Button delete = new Button("Delete", VaadinIcon.TRASH.create());

    public RegistrationRecordsGrid(RegistrationRecordService records, String fixedGroup) {
        setPadding(false);
        setSizeFull();
        idFilter.setPlaceholder("Filter by registration ID");
        idFilter.setAriaLabel("Filter records by registration ID");
        hubFilter.setPlaceholder("Assigned hub");
        hubFilter.setAriaLabel("Filter records by assigned hub");
        groupFilter.setPlaceholder("Enrollment group");
        groupFilter.setAriaLabel("Filter records by enrollment group");
        groupFilter.setVisible(fixedGroup == null);
        for (TextField filter : List.of(idFilter, hubFilter, groupFilter)) {
            filter.setClearButtonVisible(true);
            filter.setValueChangeMode(ValueChangeMode.LAZY);
            filter.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        }
        statusFilter.setItems(RegistrationStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("All statuses");
        statusFilter.setItemLabelGenerator(status -> status == null ? "All statuses" : status.wireName());
        statusFilter.setAriaLabel("Filter records by status");
        statusFilter.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.setId(fixedGroup == null ? "registration-records-grid" : "group-records-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(RegistrationRecord::registrationId).setHeader("Registration ID").setKey("registrationId").setSortable(true).setFlexGrow(3);
        grid.addColumn(record -> record.status().wireName()).setHeader("Status").setKey("status").setSortable(true);
        grid.addColumn(record -> record.substatus() == null ? "" : record.substatus().wireName()).setHeader("Substatus");
        grid.addColumn(record -> text(record.assignedHub())).setHeader("Assigned IoT hub").setKey("assignedHub").setSortable(true).setFlexGrow(2);
        grid.addColumn(record -> text(record.deviceId())).setHeader("Device ID").setKey("deviceId").setSortable(true);
        grid.addColumn(record -> text(record.enrollmentGroupId())).setHeader("Enrollment group").setKey("enrollmentGroupId").setSortable(true);
        grid.addColumn(record -> TIME.format(record.updated())).setHeader("Last updated").setKey("updated").setSortable(true);
        grid.addColumn(record -> record.errorCode() == null ? "" : record.errorCode() + " " + text(record.errorMessage()))
                .setHeader("Error").setFlexGrow(3);
        grid.setItems(query -> {
            var order = query.getSortOrders().stream().findFirst();
            return records.page(filter(fixedGroup), new PageRequest(query.getOffset(), query.getLimit(),
                    order.map(o -> o.getSorted()).orElse(null),
                    order.map(o -> o.getDirection() == SortDirection.ASCENDING).orElse(true))).stream();
        }, query -> Math.toIntExact(records.count(filter(fixedGroup))));
        grid.addSelectionListener(selection -> delete.setEnabled(!selection.getAllSelectedItems().isEmpty()));
        grid.addItemClickListener(click -> new RecordDetailsDialog(click.getItem()).open());
        grid.setEmptyStateText("No registration records: devices create them when they register.");

        delete.setEnabled(false);
        delete.addClickListener(click -> {
            List<String> ids = grid.getSelectedItems().stream().map(RegistrationRecord::registrationId).sorted().toList();
            ConfirmDelete.open("Delete registration records", "Delete " + ids.size() + " registration record(s)?", ids,
                    "The devices stay in their IoT hubs; their next registration is treated as an initial assignment.", () -> {
                        int deleted = records.delete(ids);
                        grid.deselectAll();
                        grid.getDataProvider().refreshAll();
                        Notifications.success("Deleted " + deleted + " registration record" + (deleted == 1 ? "" : "s"));
                    });
        });
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> grid.getDataProvider().refreshAll());
        HorizontalLayout toolbar = new HorizontalLayout(refresh, delete, idFilter, statusFilter, hubFilter, groupFilter);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(toolbar);
        addAndExpand(grid);
    }

    private RecordFilter filter(String fixedGroup) {
        return new RecordFilter(idFilter.getValue(), statusFilter.getValue(), hubFilter.getValue(),
                fixedGroup != null ? fixedGroup : groupFilter.getValue());
    }

    static String text(String value) {
        return value == null ? "" : value;
    }
}
