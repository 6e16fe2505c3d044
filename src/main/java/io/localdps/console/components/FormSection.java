package io.localdps.console.components;

import com.vaadin.flow.component.HasValidation;

import java.util.Map;

/** A group of fields on one tab of a form: it validates itself and names its fields by API field name. */
public interface FormSection {

    /** Validates every field, showing problems at the fields; true when all are valid. */
    boolean validate();

    /** The section's fields keyed by the service's field names, so errors from a save land at the right field. */
    Map<String, HasValidation> fieldsByName();
}
