package ru.msed.signature;

import java.security.Security;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.util.Selector;

/**
 * Checks a detached CMS/PKCS#7 signature (as CryptoPro and OpenSSL make it) of exact bytes:
 * the signature matches these bytes, the certificate was valid at signing time and meant for
 * signing, its chain reaches a trusted root; it is qualified when the chain ends at an
 * accredited CA's root and the certificate carries the qualified-certificate markers.
 * GOST R 34.10-2012 (256/512) with GOST R 34.11-2012, RSA and ECDSA — all through BouncyCastle.
 */
public class SignatureVerifier {

    /** Signing tool of the owner (Приказ ФСБ № 795): present in qualified certificates. */
    static final ASN1ObjectIdentifier SUBJECT_SIGN_TOOL = new ASN1ObjectIdentifier("1.2.643.100.111");
    /** Signing-tool classes КС1–КС3 in certificate policies (1.2.643.100.113.x). */
    static final String QUALIFIED_POLICY_PREFIX = "1.2.643.100.113.";

    static {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private final List<X509Certificate> trustedRoots;
    private final Set<X509Certificate> accreditedRoots;
    private final List<X509Certificate> intermediates;

    public SignatureVerifier(Collection<X509Certificate> trustedRoots, Collection<X509Certificate> accreditedRoots,
            Collection<X509Certificate> intermediates) {
        this.trustedRoots = List.copyOf(trustedRoots);
        this.accreditedRoots = Set.copyOf(accreditedRoots);
        this.intermediates = List.copyOf(intermediates);
    }

    public SignatureVerdict verify(byte[] content, byte[] detachedSignature) {
        return verify(new CMSProcessableByteArray(content), detachedSignature);
    }

    /** The same for content written out on demand (a stored file streamed from the content store, never whole in memory). */
    public SignatureVerdict verify(org.bouncycastle.cms.CMSProcessable content, byte[] detachedSignature) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(content, der(detachedSignature));
        } catch (CMSException | RuntimeException e) {
            return SignatureVerdict.invalid("Файл подписи не является подписью CMS/PKCS#7 (.sig, .p7s).", null, null);
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            return SignatureVerdict.invalid("В файле подписи нет ни одной подписи.", null, null);
        }
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
        if (matches.isEmpty()) {
            return SignatureVerdict.invalid("В подписи нет сертификата подписавшего.", null, null);
        }
        X509Certificate certificate;
        List<X509Certificate> embedded = new ArrayList<>();
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BouncyCastleProvider.PROVIDER_NAME);
            certificate = converter.getCertificate(matches.iterator().next());
            for (Object holder : signed.getCertificates().getMatches(null)) {
                embedded.add(converter.getCertificate((X509CertificateHolder) holder));
            }
        } catch (Exception e) {
            return SignatureVerdict.invalid("Сертификат подписавшего повреждён.", null, null);
        }
        SignatureVerdict.CertificateInfo info = info(certificate);
        // Without a signing-time attribute there is no signing time: none is invented, and the
        // certificate is checked as of now.
        Instant signingTime = signingTime(signer);
        Date at = Date.from(signingTime != null ? signingTime : Instant.now());
        if (certificate.getBasicConstraints() >= 0) {
            return SignatureVerdict.invalid("Подпись поставлена сертификатом удостоверяющего центра, а не сертификатом "
                    + "владельца ключа: такой сертификат не предназначен для подписи документов.", info, signingTime);
        }
        try {
            certificate.checkValidity(at);
        } catch (CertificateExpiredException e) {
            return SignatureVerdict.invalid("Срок действия сертификата истёк до момента подписания ("
                    + info.validTo() + ").", info, signingTime);
        } catch (CertificateNotYetValidException e) {
            return SignatureVerdict.invalid("Сертификат ещё не действовал в момент подписания (действует с "
                    + info.validFrom() + ").", info, signingTime);
        }
        try {
            boolean matchesContent = signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(BouncyCastleProvider.PROVIDER_NAME).build(certificate));
            if (!matchesContent) {
                return SignatureVerdict.invalid("Подпись не соответствует файлу: файл изменён после подписания или подписан другой файл.",
                        info, signingTime);
            }
        } catch (CMSSignerDigestMismatchException e) {
            return SignatureVerdict.invalid("Подпись не соответствует файлу: файл изменён после подписания или подписан другой файл.",
                    info, signingTime);
        } catch (Exception e) {
            return SignatureVerdict.invalid("Подпись не проверяется: алгоритм или данные подписи не поддерживаются.", info,
                    signingTime);
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            return SignatureVerdict.invalid("Сертификат не предназначен для электронной подписи (нет назначения «цифровая подпись»).",
                    info, signingTime);
        }
        X509Certificate root;
        try {
            root = chainRoot(certificate, embedded, at);
        } catch (CertPathBuilderException e) {
            return SignatureVerdict.invalid("Сертификат выдан недоверенным удостоверяющим центром: цепочка не доходит до доверенного корневого сертификата.",
                    info, signingTime);
        } catch (Exception e) {
            return SignatureVerdict.invalid("Цепочку сертификатов не удалось проверить.", info, signingTime);
        }
        boolean qualified = accreditedRoots.contains(root) && hasQualifiedMarkers(certificate);
        return new SignatureVerdict(qualified ? SignatureVerdict.Kind.QUALIFIED : SignatureVerdict.Kind.UNQUALIFIED, null, info,
                signingTime);
    }

    private X509Certificate chainRoot(X509Certificate certificate, List<X509Certificate> embedded, Date at) throws Exception {
        if (trustedRoots.contains(certificate)) {
            return certificate;
        }
        Set<TrustAnchor> anchors = trustedRoots.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
        if (anchors.isEmpty()) {
            throw new CertPathBuilderException("no trusted roots configured");
        }
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(certificate);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
        List<X509Certificate> pool = new ArrayList<>(intermediates);
        pool.addAll(embedded);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
        parameters.setDate(at);
        // Revocation lists are not reachable offline; the check is against the trusted roots and validity dates.
        parameters.setRevocationEnabled(false);
        PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder
                .getInstance("PKIX", BouncyCastleProvider.PROVIDER_NAME).build(parameters);
        return result.getTrustAnchor().getTrustedCert();
    }

    static boolean hasQualifiedMarkers(X509Certificate certificate) {
        try {
            X509CertificateHolder holder = new X509CertificateHolder(certificate.getEncoded());
            if (holder.getExtension(SUBJECT_SIGN_TOOL) == null) {
                return false;
            }
            Extension policies = holder.getExtension(Extension.certificatePolicies);
            if (policies == null) {
                return false;
            }
            for (PolicyInformation policy : CertificatePolicies.getInstance(policies.getParsedValue()).getPolicyInformation()) {
                if (policy.getPolicyIdentifier().getId().startsWith(QUALIFIED_POLICY_PREFIX)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static Instant signingTime(SignerInformation signer) {
        if (signer.getSignedAttributes() != null) {
            Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
            if (attribute != null) {
                var value = attribute.getAttrValues().getObjectAt(0);
                try {
                    if (value instanceof ASN1UTCTime utc) {
                        return utc.getAdjustedDate().toInstant();
                    }
                    if (value instanceof ASN1GeneralizedTime generalized) {
                        return generalized.getDate().toInstant();
                    }
                } catch (java.text.ParseException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The signature as DER: CryptoPro and OpenSSL also write it as Base64, with or without PEM lines
     * ({@code -----BEGIN CMS-----}, {@code -----BEGIN PKCS7-----}, {@code -----BEGIN SIGNATURE-----}).
     */
    static byte[] der(byte[] signature) {
        if (signature == null || signature.length == 0 || signature[0] == 0x30) {
            return signature;
        }
        String text = new String(signature, java.nio.charset.StandardCharsets.US_ASCII);
        StringBuilder base64 = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("-----") && !trimmed.contains(":")) {
                base64.append(trimmed);
            }
        }
        try {
            byte[] decoded = java.util.Base64.getMimeDecoder().decode(base64.toString());
            return decoded.length > 0 && decoded[0] == 0x30 ? decoded : signature;
        } catch (IllegalArgumentException e) {
            return signature;
        }
    }

    static SignatureVerdict.CertificateInfo info(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        String surname = value(subject, BCStyle.SURNAME);
        String given = value(subject, BCStyle.GIVENNAME);
        String owner = surname != null ? surname + (given == null ? "" : " " + given) : value(subject, BCStyle.CN);
        String algorithm = new DefaultAlgorithmNameFinder().getAlgorithmName(new ASN1ObjectIdentifier(certificate.getSigAlgOID()));
        return new SignatureVerdict.CertificateInfo(HexFormat.of().withUpperCase().formatHex(certificate.getSerialNumber().toByteArray()),
                owner, value(issuer, BCStyle.CN), certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                algorithm);
    }

    private static String value(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
