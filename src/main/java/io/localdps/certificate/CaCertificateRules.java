package io.localdps.certificate;

import java.util.Optional;
import java.util.regex.Pattern;

/** Rules of the CA certificate store, shared by the console form and {@link CaCertificateService}. */
public final class CaCertificateRules {

    /** behaviour.md §10. */
    public static final int MAX_CERTIFICATES = 25;
    public static final int MAX_NAME_LENGTH = 256;

    // behaviour.md §11 (Azure's exact rule is undocumented): letters, digits, '-', '_' and '.'.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private CaCertificateRules() {
    }

    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Enter a certificate name, e.g. contoso-root.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("A certificate name can be at most " + MAX_NAME_LENGTH + " characters long.");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("A certificate name can contain only letters, digits, hyphens (-), underscores (_) and periods (.).");
        }
        return Optional.empty();
    }
}
