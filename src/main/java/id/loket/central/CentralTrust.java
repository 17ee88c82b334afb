package id.loket.central;

import id.loket.common.model.UserFacingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whom Loket trusts when it talks to central over https: the Java runtime's certificate
 * authorities, plus, for an office behind an inspecting proxy, the office's own CA from a PEM
 * file ({@code central.caFile}). The office CA is added to the default trust, never put in its
 * place, and the host name is still checked against the certificate.
 */
public final class CentralTrust {

    /** A CA file is a few kilobytes; anything this large is not one. */
    private static final long MAX_BYTES = 1024 * 1024;
    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";

    private CentralTrust() {
    }

    /** An SSLContext trusting the default CAs and the certificate(s) of {@code pemFile}; refused in words if the file is not usable. */
    public static SSLContext withOfficeCa(Path pemFile) {
        List<X509Certificate> office = readPem(pemFile);
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (X509Certificate ca : defaultAuthorities()) {
                anchors.setCertificateEntry("default-" + n++, ca);
            }
            for (X509Certificate ca : office) {
                anchors.setCertificateEntry("office-" + n++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The Java runtime cannot build a TLS context", e);
        }
    }

    /**
     * The certificates of a PEM file ({@code -----BEGIN CERTIFICATE-----} blocks); a missing,
     * unreadable, oversized or non-PEM file, or a damaged certificate, is refused in words.
     */
    public static List<X509Certificate> readPem(Path pemFile) {
        String where = pemFile.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(pemFile)) {
                throw new UserFacingException("central.ca.notAFile", where);
            }
            if (Files.size(pemFile) > MAX_BYTES) {
                throw new UserFacingException("central.ca.notPem", where);
            }
            bytes = Files.readAllBytes(pemFile);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("central.ca.missing", where);
        } catch (IOException e) {
            throw new UserFacingException("central.ca.unreadable", where, e.getClass().getSimpleName());
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.contains(PEM_BEGIN)) {
            throw new UserFacingException("central.ca.notPem", where);
        }
        Collection<? extends Certificate> read;
        try {
            read = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException e) {
            throw new UserFacingException("central.ca.damaged", where);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : read) {
            if (c instanceof X509Certificate x) {
                certificates.add(x);
            }
        }
        if (certificates.isEmpty()) {
            throw new UserFacingException("central.ca.notPem", where);
        }
        return certificates;
    }

    private static List<X509Certificate> defaultAuthorities() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        List<X509Certificate> all = new ArrayList<>();
        for (var tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                all.addAll(List.of(x.getAcceptedIssuers()));
            }
        }
        return all;
    }
}
