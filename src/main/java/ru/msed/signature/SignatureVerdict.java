package ru.msed.signature;

import java.time.Instant;

/**
 * The result of checking a detached signature: its kind (qualified, unqualified, or invalid),
 * the reason in Russian when it fails, and the signer's certificate as printed on stamps.
 */
public record SignatureVerdict(Kind kind, String reason, CertificateInfo certificate, Instant signingTime) {

    public enum Kind {
        QUALIFIED("Усиленная квалифицированная электронная подпись"),
        UNQUALIFIED("Усиленная неквалифицированная электронная подпись"),
        INVALID("Подпись недействительна");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean valid() {
        return kind != Kind.INVALID;
    }

    /** What GOST R 7.0.97-2016's e-signature mark shows: serial number, owner, validity. */
    public record CertificateInfo(String serialNumber, String owner, String issuer, Instant validFrom, Instant validTo,
            String algorithm) {
    }

    static SignatureVerdict invalid(String reason, CertificateInfo certificate, Instant signingTime) {
        return new SignatureVerdict(Kind.INVALID, reason, certificate, signingTime);
    }
}
