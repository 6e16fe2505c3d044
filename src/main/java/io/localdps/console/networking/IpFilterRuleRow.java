package io.localdps.console.networking;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.localdps.networking.FilterAction;
import io.localdps.networking.FilterTarget;
import io.localdps.networking.IpFilterRule;
import io.localdps.networking.NetworkingService;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One IP filter rule, edited in place: name, address range, action, target, and buttons to move it
 * or remove it. It emits events; the view owns the order. Each field checks itself as it changes.
 */
class IpFilterRuleRow extends HorizontalLayout {

    enum Move { UP, DOWN, REMOVE }

    static final class MoveEvent extends ComponentEvent<IpFilterRuleRow> {
        private final Move move;

        MoveEvent(IpFilterRuleRow row, Move move) {
            super(row, false);
            this.move = move;
        }

        Move move() {
            return move;
        }
    }

    private static final String NAME_WIDTH = "16rem";
    private static final String RANGE_WIDTH = "14rem";

    private final TextField name = new TextField();
    private final TextField ipMask = new TextField();
    private final Select<FilterAction> action = new Select<>();
    private final Select<FilterTarget> target = new Select<>();
    private final Button up = new Button(VaadinIcon.ARROW_UP.create(), click -> fire(Move.UP));
    private final Button down = new Button(VaadinIcon.ARROW_DOWN.create(), click -> fire(Move.DOWN));
    private final Button remove = new Button(VaadinIcon.TRASH.create(), click -> fire(Move.REMOVE));

    IpFilterRuleRow(IpFilterRule rule, NetworkingService networking) {
        addClassName("dps-ip-rule");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.BASELINE);
        name.setValue(rule.filterName() == null ? "" : rule.filterName());
        name.setPlaceholder("e.g. AllowCorp");
        name.setMaxLength(128);
        checkAsTyped(name, networking::filterNameProblem);
        ipMask.setValue(rule.ipMask() == null ? "" : rule.ipMask());
        ipMask.setPlaceholder("10.0.0.0/8");
        checkAsTyped(ipMask, networking::ipMaskProblem);
        action.setItems(FilterAction.values());
        action.setItemLabelGenerator(a -> a == FilterAction.ACCEPT ? "Allow" : "Block");
        action.setValue(rule.action() == null ? FilterAction.ACCEPT : rule.action());
        action.setWidth("8rem");
        target.setItems(FilterTarget.values());
        target.setItemLabelGenerator(IpFilterRuleRow::targetLabel);
        target.setValue(rule.target() == null ? FilterTarget.ALL : rule.target());
        target.setWidth("11rem");
        for (Button button : new Button[]{up, down, remove}) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        }
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        name.setWidth(NAME_WIDTH);
        ipMask.setWidth(RANGE_WIDTH);
        add(name, ipMask, action, target, up, down, remove);
    }

    /** Column titles above the rows, sized like the row's fields. */
    static HorizontalLayout header() {
        Span name = new Span("Name");
        name.setWidth(NAME_WIDTH);
        Span range = new Span("Address range (IPv4 or CIDR)");
        range.setWidth(RANGE_WIDTH);
        Span action = new Span("Action");
        action.setWidth("8rem");
        Span target = new Span("Target");
        target.setWidth("11rem");
        Span buttons = new Span();
        buttons.setWidth("7.5rem");
        HorizontalLayout header = new HorizontalLayout(name, range, action, target, buttons);
        header.setWidthFull();
        header.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return header;
    }

    static String targetLabel(FilterTarget target) {
        return switch (target) {
            case ALL -> "All endpoints";
            case DEVICE_API -> "Device API";
            case SERVICE_API -> "Service API";
        };
    }

    private static void checkAsTyped(TextField field, Function<String, Optional<String>> rule) {
        field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_CHANGE);
        field.addValueChangeListener(change -> {
            Optional<String> problem = rule.apply(change.getValue());
            field.setErrorMessage(problem.orElse(null));
            field.setInvalid(problem.isPresent());
        });
    }

    /** Labels carry the position, so a screen reader (and a test) can tell rule 1's fields from rule 2's. */
    void number(int position, int count) {
        name.setAriaLabel("Rule " + position + " name");
        ipMask.setAriaLabel("Rule " + position + " address range");
        action.setAriaLabel("Rule " + position + " action");
        target.setAriaLabel("Rule " + position + " target");
        up.setAriaLabel("Move rule " + position + " up");
        down.setAriaLabel("Move rule " + position + " down");
        remove.setAriaLabel("Remove rule " + position);
        up.setEnabled(position > 1);
        down.setEnabled(position < count);
    }

    IpFilterRule rule() {
        return new IpFilterRule(name.getValue().trim(), action.getValue(), ipMask.getValue().trim(), target.getValue());
    }

    /** The fields by the service's error names for rule {@code index}. */
    Map<String, HasValidation> fieldsByName(int index) {
        return Map.of(NetworkingService.ruleField(index, "filterName"), name,
                NetworkingService.ruleField(index, "ipMask"), ipMask);
    }

    void clearErrors() {
        name.setInvalid(false);
        ipMask.setInvalid(false);
    }

    private void fire(Move move) {
        fireEvent(new MoveEvent(this, move));
    }

    Registration addMoveListener(ComponentEventListener<MoveEvent> listener) {
        return addListener(MoveEvent.class, listener);
    }
}
