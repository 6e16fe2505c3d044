package io.localdps.console.enrollment;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

@Route("enrollments")
@PageTitle("Manage enrollments | LocalDPS")
@PermitAll
public class EnrollmentsView extends VerticalLayout {

    public EnrollmentsView() {
        addClassName("dps-page");
        add(new H2("Manage enrollments"));
    }
}
