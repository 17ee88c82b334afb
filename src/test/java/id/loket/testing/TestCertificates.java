package id.loket.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate authority of its own and a server certificate it signed for 127.0.0.1 and
 * localhost (subject alternative names), made with the JDK's {@code keytool}, as an office's
 * inspecting proxy would present: nobody trusts it unless told to.
 */
public final class TestCertificates {

    private static final String PASSWORD = "test-store-pw";

    /** The CA's certificate as PEM (what an office gives Loket) and the server's key store. */
    public record Made(Path caPem, Path serverKeyStore) {

        /** The server side of TLS: its key and its chain up to the CA. */
        public SSLContext serverContext() {
            try (InputStream in = Files.newInputStream(serverKeyStore)) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(in, PASSWORD.toCharArray());
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, PASSWORD.toCharArray());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(kmf.getKeyManagers(), null, null);
                return context;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestCertificates() {
    }

    /** Makes the CA and the server certificate in {@code dir} (a few seconds: keytool runs seven times). */
    public static Made make(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path caPem = dir.resolve("office-ca.pem");
        keytool(dir, "-genkeypair", "-keystore", ca.toString(), "-storetype", "PKCS12", "-alias", "ca", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=Loket Test Office CA, O=Kantor Imigrasi Test", "-ext", "bc:c", "-validity", "3");
        keytool(dir, "-exportcert", "-keystore", ca.toString(), "-alias", "ca", "-rfc", "-file", caPem.toString());
        keytool(dir, "-genkeypair", "-keystore", server.toString(), "-storetype", "PKCS12", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-validity", "3");
        keytool(dir, "-certreq", "-keystore", server.toString(), "-alias", "server", "-file", dir.resolve("server.csr").toString());
        keytool(dir, "-gencert", "-keystore", ca.toString(), "-alias", "ca", "-infile", dir.resolve("server.csr").toString(),
                "-outfile", dir.resolve("server.pem").toString(), "-rfc", "-validity", "3",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext", "eku=serverAuth");
        keytool(dir, "-importcert", "-keystore", server.toString(), "-alias", "ca", "-file", caPem.toString(), "-noprompt");
        keytool(dir, "-importcert", "-keystore", server.toString(), "-alias", "server", "-file", dir.resolve("server.pem").toString());
        return new Made(caPem, server);
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASSWORD));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
