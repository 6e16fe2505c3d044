package io.localdps.lab;

import java.util.Optional;
import java.util.regex.Pattern;

/** The lab's input rules, each answering with the message an admin sees at the field. */
public final class LabRules {

    public static final int MIN_VALIDITY_DAYS = 1;
    /** 25 years for CAs, like the device TLS CA; devices are re-issued far sooner. */
    public static final int MAX_CA_VALIDITY_DAYS = 25 * 365 + 6;
    public static final int MAX_DEVICE_VALIDITY_DAYS = 10 * 365 + 2;
    public static final int MAX_NAME_LENGTH = 64;
    /** NIST SP 800-63B's floor for a memorized secret; PKCS#12 files travel by mail and USB sticks. */
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 128;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]*");

    private LabRules() {
    }

    public static Optional<String> caNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Enter a name; it becomes the CA's subject CN.");
        }
        String trimmed = name.trim();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            return Optional.of("The name can be at most " + MAX_NAME_LENGTH + " characters long.");
        }
        if (!NAME.matcher(trimmed).matches()) {
            return Optional.of("The name may contain only letters, digits, spaces and - . _ and must start with a letter or digit.");
        }
        return Optional.empty();
    }

    public static Optional<String> validityProblem(Integer days, boolean ca) {
        int max = ca ? MAX_CA_VALIDITY_DAYS : MAX_DEVICE_VALIDITY_DAYS;
        if (days == null) {
            return Optional.of("Enter the validity in days.");
        }
        if (days < MIN_VALIDITY_DAYS || days > max) {
            return Optional.of("The validity must be between " + MIN_VALIDITY_DAYS + " and " + max + " days"
                    + (ca ? " (25 years) for a CA." : " (10 years) for a device certificate."));
        }
        return Optional.empty();
    }

    public static Optional<String> passwordProblem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password: the PKCS#12 file holds the private key and is never written unprotected.");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("The password must be at least " + MIN_PASSWORD_LENGTH + " characters long.");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.of("The password can be at most " + MAX_PASSWORD_LENGTH + " characters long.");
        }
        if (!password.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return Optional.of("Use printable ASCII characters only: other tools (openssl, Windows) encode other characters differently.");
        }
        return Optional.empty();
    }
}
