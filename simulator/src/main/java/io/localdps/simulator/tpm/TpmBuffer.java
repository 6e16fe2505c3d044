package io.localdps.simulator.tpm;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/** Big-endian TPM marshalling: UINT16/UINT32 and TPM2B (UINT16 size ‖ bytes), both directions. */
final class TpmBuffer {

    private TpmBuffer() {
    }

    /** Builds a marshalled structure. */
    static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Out u16(int value) {
            bytes.write(value >>> 8);
            bytes.write(value);
            return this;
        }

        Out u32(int value) {
            return u16(value >>> 16).u16(value & 0xFFFF);
        }

        Out raw(byte[] value) {
            bytes.writeBytes(value);
            return this;
        }

        Out tpm2b(byte[] value) {
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("a TPM2B holds at most 65535 bytes");
            }
            return u16(value.length).raw(value);
        }

        byte[] toBytes() {
            return bytes.toByteArray();
        }
    }

    /** Reads a marshalled structure; any shortfall is a malformed structure (the TPM's TPM_RC_SIZE). */
    static final class In {
        private final ByteBuffer buffer;

        In(byte[] bytes) {
            buffer = ByteBuffer.wrap(bytes);
        }

        int u16() {
            try {
                return buffer.getShort() & 0xFFFF;
            } catch (BufferUnderflowException e) {
                throw new TpmException("TPM_RC_SIZE: structure too short");
            }
        }

        byte[] tpm2b() {
            int size = u16();
            if (size > buffer.remaining()) {
                throw new TpmException("TPM_RC_SIZE: TPM2B of " + size + " bytes, " + buffer.remaining() + " left");
            }
            byte[] value = new byte[size];
            buffer.get(value);
            return value;
        }

        boolean hasRemaining() {
            return buffer.hasRemaining();
        }

        void requireEnd() {
            if (buffer.hasRemaining()) {
                throw new TpmException("TPM_RC_SIZE: " + buffer.remaining() + " bytes left over");
            }
        }
    }
}
