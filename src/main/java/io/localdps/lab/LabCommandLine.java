package io.localdps.lab;

import io.localdps.certificate.CaCertificate;
import io.localdps.common.AuditActor;
import io.localdps.common.InvalidInputException;
import io.localdps.common.NotFoundException;
import io.localdps.common.PageRequest;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lab for scripts: {@code ./lab.sh <command> --option value ...} (or {@code java -jar localdps.jar
 * lab ...}). It starts the application without web server and device endpoints on the configured
 * database, runs one command through {@link LabCertificateService} and exits. With the default
 * embedded H2 file the server must be stopped first (H2 opens a file once); with PostgreSQL both run
 * side by side. Options starting with {@code --spring.} or {@code --dps.} configure the application.
 */
public final class LabCommandLine {

    static final String USAGE = """
            Usage: lab.sh <command> [options]   (options: --name value; --spring.*/--dps.* configure the database)
              list
              root-ca          --name NAME [--key ec|rsa] [--days 3650]
              intermediate-ca  --name NAME --issuer LAB_CA [--key ec|rsa] [--days 1825]
              device           --registration-id ID --issuer LAB_CA [--key ec|rsa] [--days 365]
              export           --name NAME --out DIR [--p12-password-env VARIABLE | --p12-password-file FILE]
                               writes NAME.pem, NAME-chain.pem (leaf first), NAME.key.pem (owner-only) and,
                               with a password (never on the command line, where ps shows it), NAME.p12
              add-to-store     --name LAB_CA [--store-name NAME]   (stored as verified: the lab holds the key)
              verify           --store-name NAME   (proof of possession for an uploaded CA whose key the lab holds)""";

    private LabCommandLine() {
    }

    /** Returns the process exit code: 0 done, 1 refused input, 2 usage error. */
    public static int run(Class<?> application, String[] args, PrintStream out) {
        List<String> springArgs = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        String command = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--spring.") || arg.startsWith("--dps.") || arg.startsWith("--logging.")) {
                springArgs.add(arg);
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else if (command == null && !arg.startsWith("--")) {
                command = arg;
            } else {
                out.println("Unexpected argument " + arg + "\n" + USAGE);
                return 2;
            }
        }
        if (command == null || !List.of("list", "root-ca", "intermediate-ca", "device", "export", "add-to-store", "verify")
                .contains(command)) {
            out.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("dps.mqtt.enabled=false", "logging.level.root=WARN",
                        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration")
                .run(springArgs.toArray(String[]::new));
             AuditActor.Scope actor = AuditActor.actAs(AuditActor.COMMAND_LINE)) {
            return execute(context.getBean(LabCertificateService.class), command, options, out);
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> out.println(field + ": " + message));
            return 1;
        } catch (NotFoundException | IllegalArgumentException e) {
            out.println(e.getMessage());
            return 1;
        }
    }

    private static int execute(LabCertificateService lab, String command, Map<String, String> options, PrintStream out) {
        KeyAlgorithm key = "rsa".equalsIgnoreCase(options.getOrDefault("key", "ec")) ? KeyAlgorithm.RSA_2048 : KeyAlgorithm.EC_P256;
        switch (command) {
            case "list" -> lab.page(new PageRequest(0, Integer.MAX_VALUE, "name", true)).forEach(c -> out.println(
                    c.name() + "\t" + c.kind() + "\t" + c.keyAlgorithm().label() + "\t"
                            + (c.issuerName() == null ? "-" : c.issuerName()) + "\t" + c.notAfter()));
            case "root-ca" -> created(out, lab.createRootCa(options.get("name"), key, days(options, 3650)));
            case "intermediate-ca" -> created(out, lab.createIntermediateCa(options.get("name"), options.get("issuer"), key,
                    days(options, 1825)));
            case "device" -> created(out, lab.createDeviceCertificate(options.get("registration-id"), options.get("issuer"), key,
                    days(options, 365)));
            case "export" -> export(lab, options, out);
            case "add-to-store" -> {
                String name = options.get("name");
                CaCertificate added = lab.addToStore(name, options.getOrDefault("store-name",
                        name == null ? null : name.replaceAll("[^A-Za-z0-9._-]", "-").toLowerCase(Locale.ROOT)));
                out.println("Added " + added.name() + " to the certificate store as verified");
            }
            default -> {
                CaCertificate target = lab.proveStoreCertificate(options.get("store-name"), versionOf(lab, options.get("store-name")));
                out.println("Verified " + target.name());
            }
        }
        return 0;
    }

    private static long versionOf(LabCertificateService lab, String storeName) {
        return lab.storeCertificate(storeName).version();
    }

    private static Integer days(Map<String, String> options, int fallback) {
        String value = options.get("days");
        try {
            return value == null ? fallback : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(LabCertificateService.VALIDITY, "--days takes a whole number of days, not " + value + ".");
        }
    }

    private static void created(PrintStream out, LabCertificate certificate) {
        out.println("Created " + certificate.name() + " (" + certificate.subject() + "), valid until " + certificate.notAfter());
    }

    private static void export(LabCertificateService lab, Map<String, String> options, PrintStream out) {
        LabCertificate certificate = lab.get(options.get("name"));
        if (options.get("out") == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        String password = password(options);
        byte[] pkcs12 = password == null ? null : lab.pkcs12(certificate.name(), password);
        String base = certificate.name().replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Path dir = Files.createDirectories(Path.of(options.get("out")));
            Files.writeString(dir.resolve(base + ".pem"), certificate.certificatePem());
            Files.writeString(dir.resolve(base + "-chain.pem"), certificate.fullChainPem());
            writeOwnerOnly(dir.resolve(base + ".key.pem"), lab.privateKeyPem(certificate.name()).getBytes());
            if (pkcs12 != null) {
                writeOwnerOnly(dir.resolve(base + ".p12"), pkcs12);
            }
            out.println("Wrote " + base + ".pem, " + base + "-chain.pem, " + base + ".key.pem"
                    + (pkcs12 == null ? "" : ", " + base + ".p12") + " to " + dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not write to " + options.get("out") + ": " + e.getMessage(), e);
        }
    }

    private static String password(Map<String, String> options) {
        String variable = options.get("p12-password-env");
        if (variable != null) {
            String password = System.getenv(variable);
            if (password == null) {
                throw new IllegalArgumentException("The environment variable " + variable + " is not set");
            }
            return password;
        }
        String file = options.get("p12-password-file");
        try {
            return file == null ? null : Files.readAllLines(Path.of(file)).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Key files are created owner-only before any byte is written, so no other user ever sees them readable. */
    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.write(file, content);
    }
}
