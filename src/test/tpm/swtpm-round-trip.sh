#!/usr/bin/env bash
# Manual check (not run by CI): a blob built by TpmActivation goes through a real software TPM.
# swtpm holds an EK (0x81010001) and an SRK (0x81000001, security.md 6.1 template); the TPM runs
# ActivateCredential, Import, Load and HMAC exactly as security.md 6.4 "Reproducing with tpm2-tools",
# then TPM2_EncryptDecrypt over part #6; the HMAC must equal software HMAC-SHA256 with K.
# Needs: apt-get install swtpm swtpm-tools tpm2-tools; python3 with `cryptography`; `./mvnw compile` first.
# Usage: src/test/tpm/swtpm-round-trip.sh [path/to/shared/spec]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
spec="${1:-$repo/../shared/spec}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
mkdir "$work/state"
cd "$work"

swtpm socket --tpm2 --server "type=tcp,port=$port,bindaddr=127.0.0.1" \
  --ctrl "type=tcp,port=$((port + 1)),bindaddr=127.0.0.1" --tpmstate "dir=$work/state" \
  --flags not-need-init,startup-clear > swtpm.log 2>&1 &
swtpm_pid=$!
trap 'kill $swtpm_pid 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
export TPM2TOOLS_TCTI="swtpm:host=127.0.0.1,port=$port"

tpm2_createek -c 0x81010001 -G rsa -u ek.pub
tpm2_createprimary -C o -g sha256 -G rsa2048:aes128cfb \
  -a 'restricted|decrypt|fixedtpm|fixedparent|sensitivedataorigin|userwithauth|noda' -c srk.ctx > /dev/null
tpm2_evictcontrol -C o -c srk.ctx 0x81000001 > /dev/null
tpm2_readpublic -c 0x81000001 -o srk.pub > /dev/null
tpm2_flushcontext -t   # no resource manager here: free the transient slots

cat > BuildBlob.java <<'JAVA'
import io.localdps.attestation.TpmActivation;
import java.nio.file.*;
import java.security.SecureRandom;
import java.util.HexFormat;

public class BuildBlob {
    public static void main(String[] args) throws Exception {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        String blob = new TpmActivation().authenticationKey(Files.readAllBytes(Path.of("ek.pub")),
                Files.readAllBytes(Path.of("srk.pub")), k, "0ne00ABC123", "device-1");
        Files.writeString(Path.of("blob.b64"), blob);
        Files.writeString(Path.of("k.hex"), HexFormat.of().formatHex(k));
    }
}
JAVA
"$java" -cp "$repo/target/classes" BuildBlob.java

SPEC="$spec" python3 - <<'PY'
import base64, os, sys
sys.path.insert(0, os.environ["SPEC"])
import tpm_blob_reference as ref
ref.write_tpm2_tools_files(base64.b64decode(open("blob.b64").read()), ".")
open("msg.txt", "wb").write(b"0ne00ABC123/registrations/device-1\n1767225600")
PY

tpm2_startauthsession --policy-session -S s.ctx
tpm2_policysecret -S s.ctx -c e > /dev/null
tpm2_activatecredential -c 0x81000001 -C 0x81010001 -i cred.in -o iwk.bin -P session:s.ctx
tpm2_flushcontext s.ctx
tpm2_import -C 0x81000001 -u id.pub -i dup.priv -s seed.dat -k iwk.bin -r id.priv
tpm2_load -C 0x81000001 -u id.pub -r id.priv -c id.ctx > /dev/null
tpm2_hmac -c id.ctx -g sha256 -o mac.bin msg.txt
tpm2_flushcontext -t
tpm2_loadexternal -C n -G aes128cfb -r iwk.bin -c iwk.ctx > /dev/null
tpm2_encryptdecrypt -d -c iwk.ctx -G cfb -o extra.out enc_uri.bin

python3 - <<'PY'
import hashlib, hmac, sys
k = bytes.fromhex(open("k.hex").read())
tpm = open("mac.bin", "rb").read()
software = hmac.new(k, open("msg.txt", "rb").read(), hashlib.sha256).digest()
extra = open("extra.out", "rb").read()
print("TPM2_HMAC      ", tpm.hex())
print("software HMAC  ", software.hex())
print("part #6        ", extra.decode())
ok = tpm == software and extra == b"0ne00ABC123/registrations/device-1"
print("swtpm round trip:", "PASSED" if ok else "FAILED")
sys.exit(0 if ok else 1)
PY
