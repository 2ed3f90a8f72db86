package io.cellfloor.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority and one server certificate signed by it, generated with the JDK's own
 * {@code keytool}, for tests and trials of the secured set-up (SASL_SSL brokers, the HTTPS query API).
 *
 * <p>Why keytool in a child process: it is in every JDK, so the build needs no crypto library, and the files are
 * exactly what an operator would make with the same commands (README, section Security). The certificate is for
 * {@code 127.0.0.1} and {@code localhost}, valid two days, with both server and client use so a broker can
 * present it to the controller (mutual TLS) as well as to clients. Stores are PKCS12 with one random password.
 *
 * <pre>{@code
 * TlsMaterial tls = TlsMaterial.generate(dir, "broker");
 * props.put("ssl.truststore.location", tls.truststore().toString());
 * }</pre>
 */
public record TlsMaterial(Path truststore, Path keystore, String password, String subject) {

    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    /** The store type of both files, for {@code ssl.keystore.type} and {@code ssl.truststore.type}. */
    public static final String STORE_TYPE = "PKCS12";

    /**
     * Writes {@code ca.p12} (the authority, key included), {@code truststore.p12} (its certificate only) and
     * {@code <name>.p12} (key and chain of {@code CN=<name>}) into {@code dir}.
     */
    public static TlsMaterial generate(final Path dir, final String name) {
        final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        final Path ca = dir.resolve("ca.p12");
        final Path caPem = dir.resolve("ca.pem");
        final Path truststore = dir.resolve("truststore.p12");
        final Path keystore = dir.resolve(name + ".p12");
        final Path csr = dir.resolve(name + ".csr");
        final Path signed = dir.resolve(name + ".pem");
        try {
            Files.createDirectories(dir);
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not create the certificate directory " + dir, e);
        }
        final String subject = "CN=" + name;
        keytool(dir, "-genkeypair", "-alias", "ca", "-dname", "CN=cellfloor-test-ca", "-ext", "bc:c",
            "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-keystore", ca.toString(),
            "-storetype", STORE_TYPE, "-storepass", password);
        keytool(dir, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
            "-file", caPem.toString());
        keytool(dir, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(),
            "-keystore", truststore.toString(), "-storetype", STORE_TYPE, "-storepass", password);
        keytool(dir, "-genkeypair", "-alias", name, "-dname", subject, "-keyalg", "EC", "-groupname", "secp256r1",
            "-validity", "2", "-keystore", keystore.toString(), "-storetype", STORE_TYPE, "-storepass", password);
        keytool(dir, "-certreq", "-alias", name, "-keystore", keystore.toString(), "-storepass", password,
            "-file", csr.toString());
        keytool(dir, "-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
            "-infile", csr.toString(), "-outfile", signed.toString(), "-rfc", "-validity", "2",
            "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "EKU=serverAuth,clientAuth");
        keytool(dir, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(),
            "-keystore", keystore.toString(), "-storepass", password);
        keytool(dir, "-importcert", "-alias", name, "-file", signed.toString(), "-keystore", keystore.toString(),
            "-storepass", password);
        return new TlsMaterial(truststore, keystore, password, subject);
    }

    private static void keytool(final Path dir, final String... args) {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        final Path output = dir.resolve("keytool.log");
        try {
            final Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " did not finish within "
                    + KEYTOOL_TIMEOUT_SECONDS + " s; see " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed with exit code " + process.exitValue()
                    + ": " + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not run keytool from " + System.getProperty("java.home"), e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating test certificates in " + dir, e);
        }
    }
}
