#!/usr/bin/env python3
"""
Writes reference-blob.properties: an activation blob built by the spec's reference script
(shared/spec/tpm_blob_reference.py, validated on swtpm) with the security.md 6.4a secrets, for
throwaway RSA-2048 EK/SRK keys made here in the 6.1 templates. The private keys are test-only.
Run:  python3 make_reference_blob.py /path/to/shared/spec
"""
import base64
import struct
import sys

sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else "../../../../../../../shared/spec")
import tpm_blob_reference as ref  # noqa: E402
from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402

EK_ATTRS = 0x000300B2
SRK_ATTRS = 0x00030472
EK_POLICY = bytes.fromhex("837197674484b3f81a90cc8d46a5d724fd52d76e06520b64f2a1da1b331469aa")


def tpm2b_public(key, attrs, policy):
    n = key.public_key().public_numbers().n.to_bytes(256, "big")
    t = (struct.pack(">HHI", 0x0001, 0x000B, attrs) + ref.tpm2b(policy)
         + struct.pack(">HHH", 0x0006, 128, 0x0043) + struct.pack(">H", 0x0010)
         + struct.pack(">HI", 2048, 0) + ref.tpm2b(n))
    return ref.tpm2b(t)


def pkcs8(key):
    return base64.b64encode(key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption())).decode()


ek = rsa.generate_private_key(public_exponent=65537, key_size=2048)
srk = rsa.generate_private_key(public_exponent=65537, key_size=2048)
ek_pub = tpm2b_public(ek, EK_ATTRS, EK_POLICY)
srk_pub = tpm2b_public(srk, SRK_ATTRS, b"")
secrets = [bytes(range(32, 64)), bytes(range(64, 80)), bytes(range(80, 112)), bytes(range(112, 144))]
K = bytes(range(0, 32))
uri = b"0ne00ABC123/registrations/device-1"
blob, _ = ref.build_blob(ek_pub, srk_pub, K, uri, rand=lambda n: secrets.pop(0))

with open("reference-blob.properties", "w") as f:
    f.write("# Made by make_reference_blob.py with shared/spec/tpm_blob_reference.py; test-only keys.\n")
    f.write("# Secrets: security.md 6.4a (K = 00..1f, seedValue, innerWrapKey, dupSeed, credSeed).\n")
    f.write(f"ekTpm2bPublic={base64.b64encode(ek_pub).decode()}\n")
    f.write(f"srkTpm2bPublic={base64.b64encode(srk_pub).decode()}\n")
    f.write(f"ekPrivatePkcs8={pkcs8(ek)}\n")
    f.write(f"srkPrivatePkcs8={pkcs8(srk)}\n")
    f.write(f"extraData={uri.decode()}\n")
    f.write(f"authenticationKey={base64.b64encode(blob).decode()}\n")
