package io.localdps.hub;

import io.localdps.common.Json;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Base64;

/** Device identities, keys, thumbprints and twins in known states, for the hub tests. */
public final class HubDeviceFixtures {

    /** Keys of 32 bytes, each of one repeated byte, so tests can tell them apart at a glance. */
    public static final String KEY_1 = key(1);
    public static final String KEY_2 = key(2);
    public static final String KEY_3 = key(3);
    public static final String KEY_4 = key(4);
    public static final String THUMBPRINT_1 = "A1B2C3D4E5F60718293A4B5C6D7E8F9001122334";
    public static final String THUMBPRINT_2 = "0F1E2D3C4B5A69788796A5B4C3D2E1F000112233";

    private HubDeviceFixtures() {
    }

    public static DeviceIdentity sasDevice(String deviceId) {
        return DeviceIdentity.enabled(deviceId, DeviceAuthentication.sas(KEY_1, KEY_2), false);
    }

    public static DeviceIdentity sasDevice(String deviceId, String primaryKey, String secondaryKey) {
        return DeviceIdentity.enabled(deviceId, DeviceAuthentication.sas(primaryKey, secondaryKey), false);
    }

    public static DeviceIdentity edgeDevice(String deviceId) {
        return DeviceIdentity.enabled(deviceId, DeviceAuthentication.sas(KEY_1, KEY_2), true);
    }

    public static DeviceIdentity selfSignedDevice(String deviceId, String thumbprint) {
        return DeviceIdentity.enabled(deviceId, DeviceAuthentication.selfSigned(thumbprint, null), false);
    }

    public static DeviceIdentity caDevice(String deviceId) {
        return DeviceIdentity.enabled(deviceId, DeviceAuthentication.certificateAuthority(), false);
    }

    public static TwinContent twin(String tagsJson, String desiredJson) {
        return new TwinContent(object(tagsJson), object(desiredJson));
    }

    public static ObjectNode object(String json) {
        return Json.read(json, ObjectNode.class);
    }

    public static String key(int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
