package ru.msed.signature;

import java.time.Instant;

/**
 * The result of checking a detached signature: its kind (qualified, unqualified, or invalid),
 * the reason in Russian when it fails, the signer's certificate as printed on stamps, and the signing
 * time the signature states ({@code null} when it has no signing-time attribute).
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

    /** The signing time as the signature states it; a signature without the attribute states none. */
    @com.fasterxml.jackson.annotation.JsonProperty("signingTimeText")
    public String signingTimeText() {
        return signingTime == null ? "время подписания не указано" : signingTime.toString();
    }

    /** What GOST R 7.0.97-2016's e-signature mark shows: serial number, owner, validity. */
    public record CertificateInfo(String serialNumber, String owner, String issuer, Instant validFrom, Instant validTo,
            String algorithm) {
    }

    static SignatureVerdict invalid(String reason, CertificateInfo certificate, Instant signingTime) {
        return new SignatureVerdict(Kind.INVALID, reason, certificate, signingTime);
    }
}
