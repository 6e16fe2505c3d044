package io.localdps.console.enrollment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.localdps.common.PageRequest;
import io.localdps.console.components.ConfirmDelete;
import io.localdps.console.components.Notifications;
import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.EnrollmentFilter;
import io.localdps.enrollment.ProvisioningStatus;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One tab of Manage enrollments: toolbar, filters and a lazy, sortable grid with multi-select
 * delete. Shared by the groups and the individual enrollments tab; the data functions come from
 * the services.
 */
class EnrollmentGrid<T> extends VerticalLayout {

    private final Grid<T> grid = new Grid<>();
    private final TextField idFilter = new TextField();
    private final Select<AttestationType> typeFilter = new Select<>();
    private final Select<ProvisioningStatus> statusFilter = new Select<>();
    private final Button delete = new Button("Delete", VaadinIcon.TRASH.create());

    record Data<T>(BiFunction<EnrollmentFilter, PageRequest, List<T>> page,
                   Function<EnrollmentFilter, Long> count,
                   ToIntFunction<Collection<String>> delete,
                   Function<T, String> id) {
    }

    EnrollmentGrid(String gridId, String noun, Button add, Data<T> data, List<AttestationType> types) {
        setPadding(false);
        setSizeFull();
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> grid.getDataProvider().refreshAll());
        delete.setEnabled(false);
        delete.addClickListener(click -> confirmDelete(noun, data));

        idFilter.setPlaceholder("Filter by name");
        idFilter.setAriaLabel("Filter " + noun + "s by name");
        idFilter.setClearButtonVisible(true);
        idFilter.setPrefixComponent(VaadinIcon.SEARCH.create());
        idFilter.setValueChangeMode(ValueChangeMode.LAZY);
        typeFilter.setItems(types);
        typeFilter.setEmptySelectionAllowed(true);
        typeFilter.setEmptySelectionCaption("All attestation types");
        typeFilter.setItemLabelGenerator(type -> type == null ? "All attestation types" : type.label());
        typeFilter.setAriaLabel("Attestation type");
        statusFilter.setItems(ProvisioningStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("All statuses");
        statusFilter.setItemLabelGenerator(status -> status == null ? "All statuses" : status.label());
        statusFilter.setAriaLabel("Status");
        idFilter.addValueChangeListener(change -> refresh());
        typeFilter.addValueChangeListener(change -> refresh());
        statusFilter.addValueChangeListener(change -> refresh());

        grid.setId(gridId);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.setItems(query -> data.page().apply(filter(), page(query)).stream(), query -> Math.toIntExact(data.count().apply(filter())));
        grid.addSelectionListener(selection -> delete.setEnabled(!selection.getAllSelectedItems().isEmpty()));
        grid.setEmptyStateText("No " + noun + "s match.");

        HorizontalLayout toolbar = new HorizontalLayout(add, refresh, delete);
        HorizontalLayout filters = new HorizontalLayout(idFilter, typeFilter, statusFilter);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(toolbar, filters);
        addAndExpand(grid);
    }

    Grid<T> grid() {
        return grid;
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private EnrollmentFilter filter() {
        return new EnrollmentFilter(idFilter.getValue(), typeFilter.getValue(), statusFilter.getValue());
    }

    private static PageRequest page(Query<?, ?> query) {
        var order = query.getSortOrders().stream().findFirst();
        return new PageRequest(query.getOffset(), query.getLimit(), order.map(o -> o.getSorted()).orElse(null),
                order.map(o -> o.getDirection() == SortDirection.ASCENDING).orElse(true));
    }

    private void confirmDelete(String noun, Data<T> data) {
        List<String> ids = grid.getSelectedItems().stream().map(data.id()).sorted().toList();
        String question = ids.size() == 1 ? "Delete the " + noun + " " + ids.getFirst() + "?"
                : "Delete these " + ids.size() + " " + noun + "s?";
        ConfirmDelete.open("Delete " + noun + (ids.size() == 1 ? "" : "s"), question, ids.size() == 1 ? List.of() : ids,
                "Registration records are kept (they count toward the registration quota) and devices already "
                        + "provisioned stay in their IoT hubs.", () -> {
                    int deleted = data.delete().applyAsInt(ids);
                    grid.deselectAll();
                    refresh();
                    Notifications.success("Deleted " + deleted + " " + noun + (deleted == 1 ? "" : "s"));
                });
    }

    static String status(ProvisioningStatus status) {
        return status.label();
    }

    static String time(Instant instant) {
        return EnrollmentDetailsFrame.TIMESTAMP.format(instant);
    }

    static Button addButton(String label, Runnable onClick) {
        Button add = new Button(label, VaadinIcon.PLUS.create(), click -> onClick.run());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return add;
    }

    static List<AttestationType> allTypes() {
        return Arrays.asList(AttestationType.values());
    }
}
