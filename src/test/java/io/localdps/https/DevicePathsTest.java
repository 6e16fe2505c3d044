package io.localdps.https;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which paths belong to the device API, and which method a known one takes. */
class DevicePathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/0ne00ABC123/registrations", "/0ne00ABC123/registrations/dev-1/register",
            "/0ne00ABC123/REGISTRATIONS/dev-1/operations/5.abc", "/0ne00ABC123/Registrations/dev%3a1/unknown"})
    void pathsUnderAnIdScopesRegistrationsBelongToTheDeviceApi(String path) {
        assertThat(DevicePaths.isDeviceApi(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/linked-hubs", "/enrollments/registrations", "/enrollmentGroups/registrations/x",
            "/registrations/dev-1", "/registrations/registrations", "//registrations/x", "0ne00ABC123/registrations"})
    void consoleAndServiceApiPathsDoNotBelongToTheDeviceApi(String path) {
        assertThat(DevicePaths.isDeviceApi(path)).isFalse();
    }

    @Test
    void knownPathsNameTheirMethodWhateverTheCaseOfTheFixedSegments() {
        assertThat(DevicePaths.allowedMethod("/0ne00ABC123/registrations/dev-1/REGISTER")).contains("PUT");
        assertThat(DevicePaths.allowedMethod("/0ne00ABC123/Registrations/dev%3A1/Operations/op-1")).contains("GET");
        assertThat(DevicePaths.allowedMethod("/0ne00ABC123/registrations/dev-1")).isEmpty();
        assertThat(DevicePaths.allowedMethod("/0ne00ABC123/registrations/dev-1/register/extra")).isEmpty();
    }
}
