package io.localdps.console.registration;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.localdps.registration.RegistrationRecordService;
import jakarta.annotation.security.PermitAll;

/** Registration records: what happened to every device that registered (portal.md §3.4). */
@Route("registrations")
@PageTitle("Registration records | LocalDPS")
@PermitAll
public class RegistrationRecordsView extends VerticalLayout {

    public RegistrationRecordsView(RegistrationRecordService records) {
        addClassName("dps-page");
        setSizeFull();
        add(new H2("Registration records"));
        addAndExpand(new RegistrationRecordsGrid(records, null));
    }
}
