package ru.msed.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.msed.signature.SignatureVerdict.Kind;
import ru.msed.signature.TestPki.Algorithm;
import ru.msed.signature.TestPki.Issued;

/** Detached signatures made here with generated keys: every verdict and its reason. */
class SignatureVerifierTest {

    static final byte[] LETTER = "Исх. письмо о предоставлении сведений".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void signatureOfTheExactFileByACertificateOfAnAccreditedCaWithMarkersIsQualified(Algorithm algorithm) throws Exception {
        Issued root = TestPki.root("Тестовый аккредитованный УЦ " + algorithm, algorithm);
        Issued ca = TestPki.intermediate(root, "Подчинённый УЦ " + algorithm);
        Issued signer = TestPki.person(ca, "Петров", "Сергей Николаевич", true);
        SignatureVerifier verifier = new SignatureVerifier(List.of(root.certificate()), List.of(root.certificate()), List.of());

        SignatureVerdict verdict = verifier.verify(LETTER, TestPki.sign(LETTER, signer, ca.certificate()));

        assertThat(verdict.kind()).as(verdict.reason()).isEqualTo(Kind.QUALIFIED);
        assertThat(verdict.certificate().owner()).isEqualTo("Петров Сергей Николаевич");
        assertThat(verdict.certificate().issuer()).isEqualTo("Подчинённый УЦ " + algorithm);
        assertThat(verdict.certificate().serialNumber()).isNotBlank();
    }

    @Test
    void trustedButNotAccreditedOrWithoutMarkersIsUnqualified() throws Exception {
        Issued root = TestPki.root("Корпоративный УЦ", Algorithm.GOST_256);
        Issued noMarkers = TestPki.person(root, "Иванов", "Иван", false);
        Issued marked = TestPki.person(root, "Сидоров", "Олег", true);
        SignatureVerifier trustedOnly = new SignatureVerifier(List.of(root.certificate()), List.of(), List.of());
        SignatureVerifier accredited = new SignatureVerifier(List.of(root.certificate()), List.of(root.certificate()), List.of());

        assertThat(trustedOnly.verify(LETTER, TestPki.sign(LETTER, marked)).kind()).isEqualTo(Kind.UNQUALIFIED);
        assertThat(accredited.verify(LETTER, TestPki.sign(LETTER, noMarkers)).kind()).isEqualTo(Kind.UNQUALIFIED);
    }

    @Test
    void tamperedOrOtherFileIsRefused() throws Exception {
        Issued root = TestPki.root("УЦ", Algorithm.GOST_512);
        Issued signer = TestPki.person(root, "Петров", "Сергей", true);
        SignatureVerifier verifier = new SignatureVerifier(List.of(root.certificate()), List.of(root.certificate()), List.of());
        byte[] signature = TestPki.sign(LETTER, signer);
        byte[] tampered = LETTER.clone();
        tampered[3] ^= 1;

        SignatureVerdict verdict = verifier.verify(tampered, signature);
        assertThat(verdict.kind()).isEqualTo(Kind.INVALID);
        assertThat(verdict.reason()).isEqualTo("Подпись не соответствует файлу: файл изменён после подписания или подписан другой файл.");
        assertThat(verifier.verify("другое письмо".getBytes(StandardCharsets.UTF_8), signature).reason())
                .startsWith("Подпись не соответствует файлу");
    }

    @Test
    void expiredAndNotYetValidCertificatesAreRefused() throws Exception {
        Issued root = TestPki.root("УЦ", Algorithm.RSA);
        int usage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
        Issued expired = TestPki.person(root, "Старов", "Пётр", true, usage, Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(35)));
        Issued future = TestPki.person(root, "Новиков", "Илья", true, usage, Instant.now().plus(Duration.ofDays(10)),
                Instant.now().plus(Duration.ofDays(400)));
        SignatureVerifier verifier = new SignatureVerifier(List.of(root.certificate()), List.of(root.certificate()), List.of());

        assertThat(verifier.verify(LETTER, TestPki.sign(LETTER, expired)).reason())
                .startsWith("Срок действия сертификата истёк до момента подписания");
        assertThat(verifier.verify(LETTER, TestPki.sign(LETTER, future)).reason())
                .startsWith("Сертификат ещё не действовал в момент подписания");
    }

    @Test
    void untrustedCaAndWrongKeyUsageAreRefused() throws Exception {
        Issued trusted = TestPki.root("Доверенный УЦ", Algorithm.GOST_256);
        Issued stranger = TestPki.root("Посторонний УЦ", Algorithm.GOST_256);
        Issued signer = TestPki.person(stranger, "Чужой", "Человек", true);
        Issued encryptionOnly = TestPki.person(trusted, "Шифров", "Ключ", true, KeyUsage.keyEncipherment,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(100)));
        SignatureVerifier verifier = new SignatureVerifier(List.of(trusted.certificate()), List.of(trusted.certificate()), List.of());

        assertThat(verifier.verify(LETTER, TestPki.sign(LETTER, signer)).reason())
                .startsWith("Сертификат выдан недоверенным удостоверяющим центром");
        assertThat(verifier.verify(LETTER, TestPki.sign(LETTER, encryptionOnly)).reason())
                .startsWith("Сертификат не предназначен для электронной подписи");
    }

    @Test
    void garbageIsNotASignature() {
        SignatureVerifier verifier = new SignatureVerifier(List.of(), List.of(), List.of());
        assertThat(verifier.verify(LETTER, "not a signature".getBytes(StandardCharsets.UTF_8)).reason())
                .isEqualTo("Файл подписи не является подписью CMS/PKCS#7 (.sig, .p7s).");
    }

    @Test
    void base64AndPemEncodedSignaturesAsCryptoProWritesThemAreAccepted() throws Exception {
        Issued root = TestPki.root("УЦ", Algorithm.GOST_256);
        Issued signer = TestPki.person(root, "Петров", "Сергей", false);
        SignatureVerifier verifier = new SignatureVerifier(List.of(root.certificate()), List.of(), List.of());
        byte[] der = TestPki.sign(LETTER, signer);
        String base64 = java.util.Base64.getMimeEncoder(64, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);

        for (String encoded : List.of(base64, "-----BEGIN CMS-----\r\n" + base64 + "\r\n-----END CMS-----\r\n",
                "-----BEGIN PKCS7-----\n" + base64.replace("\r\n", "\n") + "\n-----END PKCS7-----\n",
                java.util.Base64.getEncoder().encodeToString(der))) {
            SignatureVerdict verdict = verifier.verify(LETTER, encoded.getBytes(StandardCharsets.US_ASCII));
            assertThat(verdict.kind()).as(encoded.substring(0, 20)).isEqualTo(Kind.UNQUALIFIED);
            assertThat(verdict.certificate().owner()).isEqualTo("Петров Сергей");
        }
        // Encoded or not, a signature of other bytes is still refused.
        assertThat(verifier.verify("другое".getBytes(StandardCharsets.UTF_8), base64.getBytes(StandardCharsets.US_ASCII))
                .reason()).startsWith("Подпись не соответствует файлу");
    }

    @Test
    void aSignatureWithoutSigningTimeSaysSoAndNoTimeIsInvented() throws Exception {
        Issued root = TestPki.root("УЦ", Algorithm.ECDSA);
        Issued signer = TestPki.person(root, "Безвременный", "Иван", false);
        SignatureVerifier verifier = new SignatureVerifier(List.of(root.certificate()), List.of(), List.of());

        SignatureVerdict verdict = verifier.verify(LETTER, TestPki.signWithoutSigningTime(LETTER, signer));
        assertThat(verdict.kind()).isEqualTo(Kind.UNQUALIFIED);
        assertThat(verdict.signingTime()).isNull();
        assertThat(verdict.signingTimeText()).isEqualTo("время подписания не указано");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().writeValueAsString(verdict))
                .contains("\"signingTime\":null").contains("время подписания не указано");

        SignatureVerdict stated = verifier.verify(LETTER, TestPki.sign(LETTER, signer));
        assertThat(stated.signingTime()).isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
    }

    @Test
    void aCaCertificateIsRefusedAsASigner() throws Exception {
        Issued root = TestPki.signingRoot("Корневой УЦ", Algorithm.GOST_256);
        Issued intermediate = TestPki.intermediate(root, "Подчинённый УЦ");
        SignatureVerifier verifier = new SignatureVerifier(List.of(root.certificate()), List.of(root.certificate()),
                List.of(intermediate.certificate()));

        for (Issued ca : List.of(root, intermediate)) {
            SignatureVerdict verdict = verifier.verify(LETTER, TestPki.sign(LETTER, ca));
            assertThat(verdict.kind()).isEqualTo(Kind.INVALID);
            assertThat(verdict.reason()).contains("сертификатом удостоверяющего центра");
        }
    }
}
