package io.localdps.console.accesspolicy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.localdps.accesspolicy.AccessRight;
import io.localdps.accesspolicy.PolicyKey;
import io.localdps.accesspolicy.SharedAccessPolicy;
import io.localdps.accesspolicy.SharedAccessPolicyService;
import io.localdps.common.InvalidInputException;
import io.localdps.console.components.ConfirmDelete;
import io.localdps.console.components.Notifications;
import io.localdps.console.components.SecretField;
import jakarta.annotation.security.PermitAll;

import java.util.EnumSet;
import java.util.List;

/**
 * Shared access policies of the service API (portal: Settings → Shared access policies): list,
 * add, remove, regenerate keys, and the connection strings back-end applications use.
 */
@Route("shared-access-policies")
@PageTitle("Shared access policies | LocalDPS")
@PermitAll
public class SharedAccessPoliciesView extends VerticalLayout {

    private final SharedAccessPolicyService policies;
    private final Grid<SharedAccessPolicy> grid = new Grid<>();

    public SharedAccessPoliciesView(SharedAccessPolicyService policies) {
        this.policies = policies;
        addClassName("dps-page");
        setSizeFull();

        Button add = new Button("Add shared access policy", VaadinIcon.PLUS.create(), click -> openCreate());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("shared-access-policies-grid");
        grid.addColumn(SharedAccessPolicy::keyName).setHeader("Policy").setFlexGrow(2);
        grid.addColumn(p -> AccessRight.format(p.rights())).setHeader("Rights").setFlexGrow(4);
        grid.addItemClickListener(click -> openDetails(click.getItem()));
        grid.setEmptyStateText("No policies: the service API accepts no token. Add one.");
        refresh();

        add(new H2("Shared access policies"),
                new Paragraph("Back-end applications call the service API on the HTTPS endpoint with a connection "
                        + "string of one of these policies. Click a policy to see its keys."),
                new HorizontalLayout(add));
        addAndExpand(grid);
    }

    private void refresh() {
        grid.setItems(policies.list());
    }

    private void openCreate() {
        Dialog dialog = new Dialog("Add shared access policy");
        dialog.setWidth("32rem");
        TextField name = new TextField("Policy name");
        name.setWidthFull();
        name.setRequiredIndicatorVisible(true);
        CheckboxGroup<AccessRight> rights = new CheckboxGroup<>("Permissions");
        rights.setItems(AccessRight.values());
        rights.setItemLabelGenerator(AccessRight::apiName);
        rights.addThemeName("vertical");
        Button create = new Button("Create", click -> {
            try {
                SharedAccessPolicy created = policies.create(name.getValue(),
                        rights.getValue().isEmpty() ? EnumSet.noneOf(AccessRight.class) : EnumSet.copyOf(rights.getValue()));
                Notifications.success("Created " + created.keyName());
                dialog.close();
                refresh();
            } catch (InvalidInputException e) {
                name.setInvalid(e.fieldErrors().containsKey(SharedAccessPolicyService.KEY_NAME));
                name.setErrorMessage(e.fieldErrors().get(SharedAccessPolicyService.KEY_NAME));
                rights.setInvalid(e.fieldErrors().containsKey(SharedAccessPolicyService.RIGHTS));
                rights.setErrorMessage(e.fieldErrors().get(SharedAccessPolicyService.RIGHTS));
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(name, rights));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), create);
        dialog.open();
    }

    private void openDetails(SharedAccessPolicy policy) {
        Dialog dialog = new Dialog(policy.keyName());
        dialog.setWidth("44rem");
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        fillDetails(content, policy);
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), click -> ConfirmDelete.open(
                "Delete shared access policy", "Delete the policy " + policy.keyName() + "?", List.of(),
                "Applications using its connection strings lose access to the service API.", () -> {
                    policies.delete(policy.keyName());
                    Notifications.success("Deleted " + policy.keyName());
                    dialog.close();
                    refresh();
                }));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button regeneratePrimary = new Button("Regenerate primary key", click -> regenerate(content, policy, PolicyKey.PRIMARY));
        Button regenerateSecondary = new Button("Regenerate secondary key", click -> regenerate(content, policy, PolicyKey.SECONDARY));
        dialog.add(content);
        dialog.getFooter().add(delete, regeneratePrimary, regenerateSecondary, new Button("Close", click -> dialog.close()));
        dialog.open();
    }

    /** The old key stops working at once: applications must switch to the other key first (roll-over). */
    private void regenerate(VerticalLayout content, SharedAccessPolicy policy, PolicyKey which) {
        fillDetails(content, policies.regenerate(policy.keyName(), which));
        Notifications.success("Regenerated the " + which.name().toLowerCase(java.util.Locale.ROOT) + " key of " + policy.keyName());
    }

    private void fillDetails(VerticalLayout content, SharedAccessPolicy policy) {
        content.removeAll();
        content.add(new Paragraph("Rights: " + AccessRight.format(policy.rights())),
                new SecretField("Primary key", policy.primaryKey()),
                new SecretField("Secondary key", policy.secondaryKey()),
                new SecretField("Primary connection string", policies.connectionString(policy, PolicyKey.PRIMARY)),
                new SecretField("Secondary connection string", policies.connectionString(policy, PolicyKey.SECONDARY)));
    }
}
