package io.localdps.simulation;

import java.util.Locale;

/**
 * Narrows a run's results grid; null or blank members match everything.
 *
 * @param registrationIdContains case-insensitive part of the registration ID
 */
public record ResultFilter(String status, String hub, String registrationIdContains) {

    public static ResultFilter none() {
        return new ResultFilter(null, null, null);
    }

    boolean isEmpty() {
        return blank(status) && blank(hub) && blank(registrationIdContains);
    }

    boolean matches(DeviceResult result) {
        return (blank(status) || status.equalsIgnoreCase(result.status()))
                && (blank(hub) || hub.equalsIgnoreCase(result.assignedHub()))
                && (blank(registrationIdContains) || result.registrationId().toLowerCase(Locale.ROOT)
                .contains(registrationIdContains.trim().toLowerCase(Locale.ROOT)));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
