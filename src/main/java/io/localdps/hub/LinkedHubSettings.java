package io.localdps.hub;

/** The editable part of a linked hub. */
public record LinkedHubSettings(int allocationWeight, boolean applyAllocationPolicy, String location) {

    public LinkedHubSettings {
        location = location == null || location.isBlank() ? null : location.trim();
    }

    public static LinkedHubSettings defaults() {
        return new LinkedHubSettings(LinkedHub.DEFAULT_WEIGHT, true, null);
    }
}
