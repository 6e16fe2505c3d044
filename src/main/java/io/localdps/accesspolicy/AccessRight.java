package io.localdps.accesspolicy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The rights of a shared access policy, spelled as ARM spells them (security.md §2.3). */
public enum AccessRight {
    SERVICE_CONFIG("ServiceConfig"),
    /** Stored for ARM compatibility only: devices authenticate with enrollment credentials, not policies. */
    DEVICE_CONNECT("DeviceConnect"),
    ENROLLMENT_READ("EnrollmentRead"),
    ENROLLMENT_WRITE("EnrollmentWrite"),
    REGISTRATION_STATUS_READ("RegistrationStatusRead"),
    REGISTRATION_STATUS_WRITE("RegistrationStatusWrite");

    private final String apiName;

    AccessRight(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<AccessRight> fromApiName(String name) {
        String wanted = name == null ? "" : name.trim();
        return Arrays.stream(values()).filter(r -> r.apiName.equalsIgnoreCase(wanted)).findFirst();
    }

    /**
     * True when a policy holding {@code held} may do what needs {@code this}. A write right implies
     * the matching read right, as security.md §2.3 recommends: whoever may replace an enrollment
     * learns its content anyway.
     */
    public boolean grantedBy(Set<AccessRight> held) {
        return held.contains(this)
                || (this == ENROLLMENT_READ && held.contains(ENROLLMENT_WRITE))
                || (this == REGISTRATION_STATUS_READ && held.contains(REGISTRATION_STATUS_WRITE));
    }

    /** ARM's form: {@code "ServiceConfig, EnrollmentRead"}, in declaration order. */
    public static String format(Set<AccessRight> rights) {
        return rights.stream().sorted().map(AccessRight::apiName).collect(Collectors.joining(", "));
    }

    /** Reads ARM's form; unknown names are refused so that a typo never silently drops a right. */
    public static Set<AccessRight> parse(String text) {
        Set<AccessRight> rights = EnumSet.noneOf(AccessRight.class);
        if (text == null || text.isBlank()) {
            return rights;
        }
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                rights.add(fromApiName(part).orElseThrow(() ->
                        new IllegalArgumentException("Unknown right '" + part.trim().toLowerCase(Locale.ROOT) + "'")));
            }
        }
        return rights;
    }
}
