package io.localdps.attestation;

import java.io.ByteArrayOutputStream;

/** TPM 2.0 marshalling: big-endian integers and TPM2B ({@code UINT16 size ‖ bytes}) framing. */
final class TpmBytes {

    private TpmBytes() {
    }

    static byte[] u16(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("does not fit a UINT16: " + value);
        }
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    static byte[] u32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static byte[] tpm2b(byte[] content) {
        return concat(u16(content.length), content);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
