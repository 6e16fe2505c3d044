package io.localdps.hub;

import java.util.Optional;
import java.util.regex.Pattern;

/** Validation of linked-hub fields, shared by the console form and {@link LinkedHubService}. */
public final class LinkedHubRules {

    public static final int MIN_WEIGHT = 1;
    public static final int MAX_WEIGHT = 1000;
    public static final int MAX_LINKED_HUBS = 50;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern LOCATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,63}");

    private LinkedHubRules() {
    }

    public static Optional<String> hostNameProblem(String hostName) {
        if (hostName == null || hostName.isBlank()) {
            return Optional.of("Enter the hub's host name, e.g. hub-west.azure-devices.net.");
        }
        String host = hostName.trim().toLowerCase();
        if (host.length() > 253) {
            return Optional.of("A host name can be at most 253 characters long.");
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("Enter a fully qualified host name with a domain, e.g. hub-west.azure-devices.net.");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("\"" + label + "\" is not a valid part of a host name: use letters, digits and "
                        + "hyphens (not at the start or end), 1 to 63 characters between dots.");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> weightProblem(Integer weight) {
        if (weight == null) {
            return Optional.of("Enter an allocation weight from " + MIN_WEIGHT + " to " + MAX_WEIGHT + ".");
        }
        if (weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
            return Optional.of("The allocation weight must be from " + MIN_WEIGHT + " to " + MAX_WEIGHT + ".");
        }
        return Optional.empty();
    }

    public static Optional<String> locationProblem(String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        if (!LOCATION.matcher(location.trim()).matches()) {
            return Optional.of("Use a region name such as westeurope or eastus (letters, digits, spaces and hyphens, up to 64).");
        }
        return Optional.empty();
    }
}
