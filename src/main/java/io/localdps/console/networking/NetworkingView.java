package io.localdps.console.networking;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import io.localdps.common.InvalidInputException;
import io.localdps.console.components.FieldRules;
import io.localdps.console.components.Notifications;
import io.localdps.networking.IpFilterRule;
import io.localdps.networking.LockoutNotConfirmedException;
import io.localdps.networking.NetworkChange;
import io.localdps.networking.NetworkReview;
import io.localdps.networking.NetworkSettings;
import io.localdps.networking.NetworkingService;
import io.localdps.networking.PublicNetworkAccess;
import jakarta.annotation.security.PermitAll;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings → Networking (portal.md §8): public network access and the ordered IP filter rules of
 * the device and service APIs, edited in place and saved as a whole. The console's own port is
 * never filtered; saving rules that would reject the admin's address on the service API asks first.
 */
@Route("networking")
@PageTitle("Networking | LocalDPS")
@PermitAll
public class NetworkingView extends VerticalLayout {

    enum Mode {
        ALL_NETWORKS("All networks"), SELECTED_RANGES("Selected IP ranges"), DISABLED("Disabled");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private final NetworkingService networking;
    private final InetAddress adminAddress;
    private final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>("Public network access");
    private final Paragraph modeNote = new Paragraph();
    private final VerticalLayout rulesSection = new VerticalLayout();
    private final Div rows = new Div();
    private final Span listError = new Span();
    private final Button addRule = new Button("Add IP filter rule", VaadinIcon.PLUS.create(), click -> addRow(IpFilterRule.blank()));
    private final List<IpFilterRuleRow> ruleRows = new ArrayList<>();
    private long loadedVersion;

    public NetworkingView(NetworkingService networking) {
        this.networking = networking;
        this.adminAddress = networking.addressOf(VaadinSession.getCurrent().getBrowser().getAddress());
        addClassName("dps-page");

        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> m.label);
        mode.addValueChangeListener(change -> showMode());

        rows.setId("ip-filter-rules");
        rows.setWidthFull();
        listError.addClassName("dps-field-error");
        listError.getStyle().set("color", "var(--lumo-error-text-color)");
        rulesSection.setPadding(false);
        rulesSection.add(new H3("IP filter rules"),
                new Paragraph("Rules are checked from top to bottom and the first one matching the client's address "
                        + "decides; a client no rule matches is accepted. A rejected device or application gets 401 and "
                        + "is not told why. Rules are IPv4; 0.0.0.0/0 also covers IPv6 clients."),
                IpFilterRuleRow.header(), rows, listError, addRule);

        Button save = new Button("Save", click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button discard = new Button("Discard changes", click -> load());

        add(new H2("Networking"),
                new Paragraph("Which addresses may use the device endpoints (MQTT and HTTPS) and the service API. "
                        + "The console on its own port is never filtered, so these rules cannot lock you out of this page."),
                mode, modeNote, rulesSection, new HorizontalLayout(save, discard),
                new AddressTester(networking, this::change));
        setSpacing(false);
        load();
    }

    private void load() {
        NetworkSettings settings = networking.settings();
        loadedVersion = settings.version();
        ruleRows.clear();
        rows.removeAll();
        settings.ipFilterRules().forEach(this::addRow);
        mode.setValue(settings.publicNetworkAccess() == PublicNetworkAccess.DISABLED ? Mode.DISABLED
                : settings.ipFilterRules().isEmpty() ? Mode.ALL_NETWORKS : Mode.SELECTED_RANGES);
        showMode();
    }

    private void showMode() {
        Mode current = mode.getValue();
        rulesSection.setVisible(current != Mode.ALL_NETWORKS);
        modeNote.setText(switch (current) {
            case ALL_NETWORKS -> ruleRows.isEmpty() ? "Every address may connect."
                    : "Every address may connect. Saving removes the " + ruleRows.size() + " IP filter rules.";
            case SELECTED_RANGES -> "The rules below decide which addresses may connect.";
            case DISABLED -> "Only loopback and private addresses (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, "
                    + "169.254.0.0/16, IPv6 unique- and link-local) may connect, and the rules below still apply to them.";
            case null -> "";
        });
    }

    private void addRow(IpFilterRule rule) {
        IpFilterRuleRow row = new IpFilterRuleRow(rule, networking);
        row.addMoveListener(event -> move(event.getSource(), event.move()));
        ruleRows.add(row);
        rows.add(row);
        renumber();
    }

    private void move(IpFilterRuleRow row, IpFilterRuleRow.Move move) {
        int index = ruleRows.indexOf(row);
        switch (move) {
            case UP -> ruleRows.add(index - 1, ruleRows.remove(index));
            case DOWN -> ruleRows.add(index + 1, ruleRows.remove(index));
            case REMOVE -> ruleRows.remove(index);
        }
        rows.removeAll();
        ruleRows.forEach(rows::add);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < ruleRows.size(); i++) {
            ruleRows.get(i).number(i + 1, ruleRows.size());
        }
        addRule.setEnabled(ruleRows.size() < networking.maxRules());
        addRule.setTooltipText(addRule.isEnabled() ? null : "At most " + networking.maxRules() + " rules");
    }

    /** The settings as shown on the page, saved or not. */
    NetworkChange change() {
        Mode current = mode.getValue();
        List<IpFilterRule> rules = current == Mode.ALL_NETWORKS ? List.of() : ruleRows.stream().map(IpFilterRuleRow::rule).toList();
        return new NetworkChange(current == Mode.DISABLED ? PublicNetworkAccess.DISABLED : PublicNetworkAccess.ENABLED, rules);
    }

    private void save() {
        ruleRows.forEach(IpFilterRuleRow::clearErrors);
        listError.setText("");
        NetworkChange change = change();
        NetworkReview review = networking.review(change, adminAddress);
        if (!review.valid()) {
            showErrors(review.fieldErrors());
            return;
        }
        if (review.locksOutAdmin() || !review.warnings().isEmpty()) {
            confirm(change, review);
        } else {
            store(change, false);
        }
    }

    private void confirm(NetworkChange change, NetworkReview review) {
        Dialog dialog = new Dialog("Save networking settings?");
        dialog.setWidth("36rem");
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        if (review.locksOutAdmin()) {
            content.add(new Paragraph("These rules reject your own address " + adminAddress.getHostAddress()
                    + " on the service API: applications on this computer will get 401. "
                    + review.adminDecision().orElseThrow().explanation() + " This console stays reachable."));
        }
        if (!review.warnings().isEmpty()) {
            UnorderedList warnings = new UnorderedList();
            review.warnings().forEach(warning -> warnings.add(new ListItem(warning)));
            content.add(new Paragraph("Some rules never apply:"), warnings);
        }
        Button anyway = new Button("Save anyway", click -> {
            dialog.close();
            store(change, true);
        });
        anyway.addThemeVariants(ButtonVariant.LUMO_PRIMARY, review.locksOutAdmin() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        dialog.add(content);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), anyway);
        dialog.open();
    }

    private void store(NetworkChange change, boolean lockoutConfirmed) {
        try {
            networking.update(change, loadedVersion, adminAddress, lockoutConfirmed);
            Notifications.success("Networking settings saved");
            load();
        } catch (InvalidInputException e) {
            showErrors(e.fieldErrors());
        } catch (LockoutNotConfirmedException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void showErrors(Map<String, String> errors) {
        Map<String, HasValidation> fields = new HashMap<>();
        for (int i = 0; i < ruleRows.size(); i++) {
            fields.putAll(ruleRows.get(i).fieldsByName(i));
        }
        String unplaced = FieldRules.showAtFields(errors, fields);
        listError.setText(unplaced);
    }
}
