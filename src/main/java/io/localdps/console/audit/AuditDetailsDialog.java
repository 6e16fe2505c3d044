package io.localdps.console.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import io.localdps.audit.AuditEntry;
import io.localdps.common.Json;
import tools.jackson.databind.JsonNode;

/** One audit entry: the facts, the field-level change and the snapshots before and after (secrets already removed). */
class AuditDetailsDialog extends Dialog {

    AuditDetailsDialog(AuditEntry entry) {
        setHeaderTitle(entry.kind().label() + " " + entry.entityId() + " " + entry.action().label());
        setWidth("60rem");
        DescriptionList facts = new DescriptionList();
        facts.addClassName("dps-review");
        fact(facts, "When", AuditLogView.TIME.format(entry.occurred()));
        fact(facts, "Actor", entry.actor());
        fact(facts, "Action", entry.action().label());
        fact(facts, "Entity", entry.kind().label());
        fact(facts, "ID", entry.entityId());
        fact(facts, "Change", entry.summary());
        add(facts);
        JsonNode details = Json.mapper().readTree(entry.details());
        section("Before", details.get("before"));
        section("After", details.get("after"));
        getFooter().add(new Button("Close", click -> close()));
    }

    private void section(String title, JsonNode snapshot) {
        if (snapshot == null || snapshot.isNull()) {
            return;
        }
        Pre json = new Pre(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(snapshot));
        json.setId("audit-" + title.toLowerCase());
        json.getStyle().set("max-height", "20rem").set("overflow", "auto").set("font-size", "var(--lumo-font-size-s)");
        add(new H4(title), json);
    }

    private static void fact(DescriptionList facts, String label, String value) {
        facts.add(new DescriptionList.Term(label), new DescriptionList.Description(value == null ? "—" : value));
    }
}
