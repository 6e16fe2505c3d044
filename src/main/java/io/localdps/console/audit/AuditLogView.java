package io.localdps.console.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.localdps.audit.AuditEntry;
import io.localdps.audit.AuditFilter;
import io.localdps.audit.AuditLogService;
import io.localdps.common.AuditedChange;
import io.localdps.common.PageRequest;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Every change to enrollments, groups, hubs, certificates, policies and networking: who, when and
 * what changed, newest first. Read-only: entries are never edited or deleted from the console.
 */
@Route("audit-log")
@PageTitle("Audit log | LocalDPS")
@PermitAll
public class AuditLogView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Grid<AuditEntry> grid = new Grid<>();
    private final Select<AuditedChange.Kind> kindFilter = new Select<>();
    private final TextField actorFilter = new TextField();
    private final TextField textFilter = new TextField();
    private final DateTimePicker fromFilter = new DateTimePicker("From (UTC)");
    private final DateTimePicker untilFilter = new DateTimePicker("Until (UTC)");

    public AuditLogView(AuditLogService auditLog) {
        addClassName("dps-page");
        setSizeFull();
        add(new H2("Audit log"));

        kindFilter.setLabel("Entity");
        kindFilter.setItems(AuditedChange.Kind.values());
        kindFilter.setEmptySelectionAllowed(true);
        kindFilter.setEmptySelectionCaption("All entities");
        kindFilter.setItemLabelGenerator(kind -> kind == null ? "All entities" : kind.label());
        kindFilter.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        actorFilter.setLabel("Actor");
        actorFilter.setPlaceholder("User or policy");
        textFilter.setLabel("Contains");
        textFilter.setPlaceholder("ID or change");
        for (TextField filter : List.of(actorFilter, textFilter)) {
            filter.setClearButtonVisible(true);
            filter.setValueChangeMode(ValueChangeMode.LAZY);
            filter.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        }
        fromFilter.setId("audit-from");
        untilFilter.setId("audit-until");
        for (DateTimePicker picker : List.of(fromFilter, untilFilter)) {
            picker.addValueChangeListener(change -> {
                checkRange();
                grid.getDataProvider().refreshAll();
            });
        }

        grid.setId("audit-log-grid");
        grid.addColumn(entry -> TIME.format(entry.occurred())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(entry -> entry.action().label()).setHeader("Action").setAutoWidth(true);
        grid.addColumn(entry -> entry.kind().label()).setHeader("Entity").setAutoWidth(true);
        grid.addColumn(AuditEntry::entityId).setHeader("ID").setFlexGrow(2);
        grid.addColumn(AuditEntry::summary).setHeader("Change").setFlexGrow(5);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> auditLog.page(filter(), new PageRequest(query.getOffset(), query.getLimit(), null, false)).stream(),
                query -> Math.toIntExact(auditLog.count(filter())));
        grid.addItemClickListener(click -> new AuditDetailsDialog(click.getItem()).open());
        grid.setEmptyStateText("No changes recorded for these filters.");

        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> grid.getDataProvider().refreshAll());
        HorizontalLayout toolbar = new HorizontalLayout(refresh, kindFilter, actorFilter, textFilter, fromFilter, untilFilter);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.getStyle().set("flex-wrap", "wrap");
        add(toolbar);
        addAndExpand(grid);
    }

    /** An empty range is not an error of the log but of the filter: say so at the field. */
    private void checkRange() {
        boolean backwards = fromFilter.getValue() != null && untilFilter.getValue() != null
                && !untilFilter.getValue().isAfter(fromFilter.getValue());
        untilFilter.setErrorMessage(backwards ? "Must be later than From." : null);
        untilFilter.setInvalid(backwards);
    }

    private AuditFilter filter() {
        return new AuditFilter(kindFilter.getValue(), actorFilter.getValue(), textFilter.getValue(),
                instant(fromFilter.getValue()), instant(untilFilter.getValue()));
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
