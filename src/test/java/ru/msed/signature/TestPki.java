package ru.msed.signature;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Keys, certificates and detached CMS signatures made in the tests: GOST R 34.10-2012, RSA, ECDSA. */
public final class TestPki {

    static {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    public enum Algorithm {
        GOST_256("ECGOST3410-2012", "Tc26-Gost-3410-12-256-paramSetA", "GOST3411WITHECGOST3410-2012-256"),
        GOST_512("ECGOST3410-2012", "Tc26-Gost-3410-12-512-paramSetA", "GOST3411WITHECGOST3410-2012-512"),
        RSA("RSA", null, "SHA256withRSA"),
        ECDSA("EC", "secp256r1", "SHA256withECDSA");

        final String keyAlgorithm;
        final String curve;
        final String signatureAlgorithm;

        Algorithm(String keyAlgorithm, String curve, String signatureAlgorithm) {
            this.keyAlgorithm = keyAlgorithm;
            this.curve = curve;
            this.signatureAlgorithm = signatureAlgorithm;
        }

        KeyPair keyPair() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm, "BC");
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        }
    }

    public record Issued(X509Certificate certificate, PrivateKey key, Algorithm algorithm) {
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    public static Issued root(String name, Algorithm algorithm) throws Exception {
        KeyPair keys = algorithm.keyPair();
        return new Issued(certificate(new X500Name("CN=" + name), keys, keys.getPrivate(), new X500Name("CN=" + name),
                algorithm, true, KeyUsage.keyCertSign | KeyUsage.cRLSign, Instant.now().minus(Duration.ofDays(365)),
                Instant.now().plus(Duration.ofDays(3650)), false), keys.getPrivate(), algorithm);
    }

    public static Issued intermediate(Issued issuer, String name) throws Exception {
        KeyPair keys = issuer.algorithm().keyPair();
        return new Issued(certificate(new X500Name("CN=" + name), keys, issuer.key(),
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), issuer.algorithm(), true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign, Instant.now().minus(Duration.ofDays(300)),
                Instant.now().plus(Duration.ofDays(3000)), false), keys.getPrivate(), issuer.algorithm());
    }

    static Issued person(Issued issuer, String surname, String givenName, boolean qualified, int keyUsage, Instant from,
            Instant to) throws Exception {
        KeyPair keys = issuer.algorithm().keyPair();
        X500Name subject = new X500Name("CN=" + surname + " " + givenName + ",SURNAME=" + surname + ",GIVENNAME=" + givenName);
        return new Issued(certificate(subject, keys, issuer.key(),
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), issuer.algorithm(), false,
                keyUsage, from, to, qualified), keys.getPrivate(), issuer.algorithm());
    }

    public static Issued person(Issued issuer, String surname, String givenName, boolean qualified) throws Exception {
        return person(issuer, surname, givenName, qualified, KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(365)));
    }

    /** A detached CMS SignedData with signed attributes (content type, message digest, signing time) and the chain. */
    public static byte[] sign(byte[] content, Issued signer, X509Certificate... chain) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider("BC").build())
                .build(new JcaContentSignerBuilder(signer.algorithm().signatureAlgorithm).setProvider("BC").build(signer.key()),
                        signer.certificate()));
        List<X509Certificate> certificates = new java.util.ArrayList<>(List.of(chain));
        certificates.add(0, signer.certificate());
        generator.addCertificates(new JcaCertStore(certificates));
        return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
    }

    /** A root CA certificate that also allows digital signatures (as many do): not a signer's certificate all the same. */
    public static Issued signingRoot(String name, Algorithm algorithm) throws Exception {
        KeyPair keys = algorithm.keyPair();
        return new Issued(certificate(new X500Name("CN=" + name), keys, keys.getPrivate(), new X500Name("CN=" + name),
                algorithm, true, KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyCertSign | KeyUsage.cRLSign,
                Instant.now().minus(Duration.ofDays(365)), Instant.now().plus(Duration.ofDays(3650)), false),
                keys.getPrivate(), algorithm);
    }

    /** A detached CMS signature whose signed attributes have no signing time (some tools leave it out). */
    public static byte[] signWithoutSigningTime(byte[] content, Issued signer) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider("BC").build())
                .setSignedAttributeGenerator(parameters -> new org.bouncycastle.cms.DefaultSignedAttributeTableGenerator()
                        .getAttributes(parameters).remove(org.bouncycastle.asn1.cms.CMSAttributes.signingTime))
                .build(new JcaContentSignerBuilder(signer.algorithm().signatureAlgorithm).setProvider("BC").build(signer.key()),
                        signer.certificate()));
        generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
        return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
    }

    private static X509Certificate certificate(X500Name subject, KeyPair keys, PrivateKey issuerKey, X500Name issuer,
            Algorithm algorithm, boolean ca, int keyUsage, Instant from, Instant to, boolean qualified) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(from), Date.from(to), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        if (qualified) {
            builder.addExtension(new ASN1ObjectIdentifier("1.2.643.100.111"), false, new DERUTF8String("СКЗИ «Тест-CSP»"));
            builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation[] {
                new PolicyInformation(new ASN1ObjectIdentifier("1.2.643.100.113.1"))}));
        }
        return new JcaX509CertificateConverter().setProvider("BC").getCertificate(
                builder.build(new JcaContentSignerBuilder(algorithm.signatureAlgorithm).setProvider("BC").build(issuerKey)));
    }
}
