package ru.msed.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Trusted roots, accredited CAs' roots and intermediates are certificate files (PEM or DER) in
 * configured folders, read at every check: replacing them needs neither a build nor a restart.
 */
@Component
class TrustStores {

    private final Path trusted;
    private final Path accredited;
    private final Path intermediates;

    TrustStores(@Value("${msed.signature.trusted-roots:config/trust/trusted}") String trusted,
            @Value("${msed.signature.accredited-roots:config/trust/accredited}") String accredited,
            @Value("${msed.signature.intermediates:config/trust/intermediate}") String intermediates) {
        this.trusted = Path.of(trusted);
        this.accredited = Path.of(accredited);
        this.intermediates = Path.of(intermediates);
    }

    SignatureVerifier verifier() {
        List<X509Certificate> accreditedRoots = read(accredited);
        List<X509Certificate> roots = new ArrayList<>(read(trusted));
        // An accredited root is trusted by definition.
        accreditedRoots.stream().filter(c -> !roots.contains(c)).forEach(roots::add);
        return new SignatureVerifier(roots, accreditedRoots, read(intermediates));
    }

    private static List<X509Certificate> read(Path folder) {
        List<X509Certificate> certificates = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return certificates;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{pem,crt,cer,der}")) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (var certificate : factory.generateCertificates(in)) {
                        certificates.add((X509Certificate) certificate);
                    }
                }
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read certificates from " + folder, e);
        }
        return certificates;
    }
}
