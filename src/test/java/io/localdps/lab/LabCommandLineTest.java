package io.localdps.lab;

import io.localdps.LocalDpsApplication;
import io.localdps.tls.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab from a script: each call starts the application without web server on one database. */
class LabCommandLineTest {

    private final String database = "--spring.datasource.url=jdbc:h2:mem:lab-cli-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @TempDir
    Path out;

    @Test
    void aScriptCreatesARootAndADeviceAndExportsTheDevicesFiles() throws Exception {
        assertThat(run("root-ca", "--name", "Script Root", "--key", "rsa", "--days", "1000")).as(this::text).isZero();
        assertThat(run("device", "--registration-id", "script-device", "--issuer", "Script Root", "--days", "0")).isOne();
        assertThat(text()).contains("validityDays: The validity must be between 1 and");
        assertThat(run("device", "--registration-id", "script-device", "--issuer", "Script Root")).as(this::text).isZero();
        Path passwordFile = Files.writeString(out.resolve("password.txt"), "script-password\n");

        int exported = run("export", "--name", "script-device", "--out", out.resolve("certs").toString(),
                "--p12-password-file", passwordFile.toString());

        assertThat(exported).as(text()).isZero();
        Path certs = out.resolve("certs");
        assertThat(Pem.readCertificates(Files.readString(certs.resolve("script-device-chain.pem"))))
                .extracting(c -> c.getSubjectX500Principal().getName()).containsExactly("CN=script-device", "CN=Script Root");
        assertThat(Pem.readPrivateKey(Files.readString(certs.resolve("script-device.key.pem"))).getAlgorithm()).isEqualTo("EC");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certs.resolve("script-device.key.pem"))))
                .isEqualTo("rw-------");
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certs.resolve("script-device.p12"))) {
            p12.load(in, "script-password".toCharArray());
        }
        assertThat(p12.getCertificateChain("script-device")).hasSize(2);
    }

    @Test
    void changesMadeFromTheCommandLineAreAuditedAsSuch() throws Exception {
        assertThat(run("root-ca", "--name", "Audited Root")).as(this::text).isZero();

        String url = database.substring("--spring.datasource.url=".length());
        try (var connection = java.sql.DriverManager.getConnection(url, "sa", "");
             var rows = connection.createStatement().executeQuery("SELECT actor, action, entity_id FROM audit_entry WHERE entity_kind = 'LAB_CERTIFICATE'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3))
                    .isEqualTo("command line CREATED Audited Root");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void anUnknownCommandPrintsTheUsage() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(text()).contains("Usage: lab.sh <command>");
    }

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = database;
        return LabCommandLine.run(LocalDpsApplication.class, all, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
