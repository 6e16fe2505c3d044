package io.localdps.console.networking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.localdps.common.InvalidInputException;
import io.localdps.networking.IpFilter;
import io.localdps.networking.NetworkChange;
import io.localdps.networking.NetworkEndpoint;
import io.localdps.networking.NetworkingService;

import java.util.function.Supplier;

/**
 * "Test an address": how the rules on the page (saved or not) treat an address on an endpoint,
 * and which rule decided. Only the admin sees the rule; a rejected client never does.
 */
class AddressTester extends VerticalLayout {

    AddressTester(NetworkingService networking, Supplier<NetworkChange> rulesOnPage) {
        setPadding(false);
        TextField address = new TextField("Address to test");
        address.setPlaceholder("203.0.113.7");
        RadioButtonGroup<NetworkEndpoint> endpoint = new RadioButtonGroup<>("Endpoint");
        endpoint.setItems(NetworkEndpoint.values());
        endpoint.setItemLabelGenerator(e -> e == NetworkEndpoint.DEVICE_API ? "Device API" : "Service API");
        endpoint.setValue(NetworkEndpoint.DEVICE_API);
        Paragraph result = new Paragraph();
        result.setId("address-test-result");
        Button test = new Button("Test", click -> {
            address.setInvalid(false);
            try {
                IpFilter.Decision decision = networking.test(rulesOnPage.get(), address.getValue(), endpoint.getValue());
                result.setText(decision.explanation());
                result.getStyle().set("color", decision.accepted() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            } catch (InvalidInputException e) {
                String problem = e.fieldErrors().get(NetworkingService.ADDRESS);
                if (problem != null) {
                    address.setErrorMessage(problem);
                    address.setInvalid(true);
                    result.setText("");
                } else {
                    result.setText("Correct the rules first: " + e.getMessage());
                    result.getStyle().set("color", "var(--lumo-error-text-color)");
                }
            }
        });
        HorizontalLayout line = new HorizontalLayout(address, endpoint, test);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3("Test an address"),
                new Paragraph("Checks the rules as shown on this page, saved or not."), line, result);
    }
}
