package io.localdps.console.components;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bridges the domain's rules (functions answering with a problem message) to Vaadin: as binder
 * validators, and for errors the service reports after a save.
 */
public final class FieldRules {

    private FieldRules() {
    }

    public static <T> Validator<T> of(Function<T, Optional<String>> rule) {
        return (value, context) -> rule.apply(value).map(ValidationResult::error).orElse(ValidationResult.ok());
    }

    /**
     * Shows each error at its field. Errors for fields not on the form are returned joined, so the
     * caller can show them elsewhere; an empty string means all were placed.
     */
    public static String showAtFields(Map<String, String> errors, Map<String, ? extends HasValidation> fields) {
        StringBuilder unplaced = new StringBuilder();
        errors.forEach((field, message) -> {
            HasValidation target = fields.get(field);
            if (target != null) {
                target.setErrorMessage(message);
                target.setInvalid(true);
            } else {
                unplaced.append(unplaced.isEmpty() ? "" : " ").append(message);
            }
        });
        return unplaced.toString();
    }
}
