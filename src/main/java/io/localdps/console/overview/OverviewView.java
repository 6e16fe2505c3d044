package io.localdps.console.overview;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import io.localdps.console.components.Copy;
import io.localdps.console.enrollment.EnrollmentsView;
import io.localdps.console.hub.LinkedHubsView;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.hub.LinkedHubService;
import io.localdps.instance.InstanceService;
import io.localdps.operations.LiveFigures;
import io.localdps.tls.DeviceTlsMaterial;
import io.localdps.tls.Pem;
import jakarta.annotation.security.PermitAll;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** The portal's Overview "Essentials": what devices and back-ends need to reach this DPS. */
@Route("")
@PageTitle("Overview | LocalDPS")
@PermitAll
public class OverviewView extends VerticalLayout {

    static final String DEVICE_CA_FILE = "localdps-device-ca.pem";
    /** How often the live figures are redrawn while the page is open. */
    static final int REFRESH_MILLIS = 5_000;

    private final LiveFigures figures;
    private final LiveFiguresPanel live = new LiveFiguresPanel();
    private Registration polling;

    public OverviewView(InstanceService instance, EnrollmentGroupService groups,
                        IndividualEnrollmentService individuals, LinkedHubService hubs, DeviceTlsMaterial tls,
                        LiveFigures figures) {
        this.figures = figures;
        addClassName("dps-page");
        add(new H2("Overview"));

        DescriptionList essentials = new DescriptionList();
        essentials.addClassName("dps-essentials");
        essentials.setId("essentials");
        essentials.add(entry("ID Scope", "id-scope", instance.idScope()));
        essentials.add(entry("Global device endpoint", "device-endpoint", instance.deviceHost()));
        essentials.add(entry("Service endpoint", "service-endpoint", instance.serviceHost()));
        essentials.add(new DescriptionList.Term("Status"), new DescriptionList.Description("Active"));
        add(essentials);

        HorizontalLayout counts = new HorizontalLayout(
                countCard("Enrollment groups", "group-count", groups.count(), EnrollmentsView.class),
                countCard("Individual enrollments", "individual-count", individuals.count(), EnrollmentsView.class),
                countCard("Linked IoT hubs", "hub-count", hubs.count(), LinkedHubsView.class));
        counts.setWrap(true);
        add(counts);

        live.show(figures.now());
        add(live);

        add(deviceTrust(tls));
    }

    /** Polls only while the page is shown; the poll interval is the UI's, so it is handed back on leaving. */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        ui.setPollInterval(REFRESH_MILLIS);
        polling = ui.addPollListener(poll -> live.show(figures.now()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }

    /**
     * Devices check the endpoint's TLS certificate against their trusted roots, and no device
     * ships with LocalDPS's: the admin hands them this file (device-api.md §1, "Trust").
     */
    private static Component deviceTrust(DeviceTlsMaterial tls) {
        byte[] pem = Pem.certificate(tls.trustAnchor()).getBytes(StandardCharsets.US_ASCII);
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(pem), DEVICE_CA_FILE, "application/x-pem-file", pem.length)),
                AttachmentType.DOWNLOAD, "Download device CA certificate");
        download.setId("download-device-ca");
        Paragraph hint = new Paragraph("Devices connecting over TLS must trust this CA: give the file to the device "
                + "SDK as its trusted root certificate (C: OPTION_TRUSTED_CERT, Python: server_verification_cert, "
                + "Node: the ca option or NODE_EXTRA_CA_CERTS, Java and C#: the trust store).");
        hint.setId("device-ca-hint");
        Div section = new Div(new H3("Device TLS trust"), download, hint);
        section.addClassName("dps-device-trust");
        return section;
    }

    private static Component[] entry(String label, String id, String value) {
        Span text = new Span(value);
        text.setId(id);
        HorizontalLayout valueWithCopy = new HorizontalLayout(text, Copy.button(label, () -> value));
        valueWithCopy.setAlignItems(FlexComponent.Alignment.CENTER);
        valueWithCopy.setSpacing(false);
        return new Component[]{new DescriptionList.Term(label), new DescriptionList.Description(valueWithCopy)};
    }

    private static Component countCard(String label, String id, long count,
                                       Class<? extends Component> target) {
        Span number = new Span(Long.toString(count));
        number.addClassName("dps-count");
        number.setId(id);
        Div card = new Div(number, new Div(new RouterLink(label, target)));
        card.addClassName("dps-count-card");
        return card;
    }
}
