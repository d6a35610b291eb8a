package cn.wangjian.platform.audit;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 timestamp authority the bureau trusts ({@code wangjian.chain.tsa-url} / {@code WANGJIAN_TSA_URL}):
 * every anchor of a chain's head is also sent there, as its SHA-256, and the signed time-stamp token kept beside
 * the anchors. A token proves the anchor existed at the authority's time, independently of the platform's key.
 * With the authority's certificate ({@code wangjian.chain.tsa-certificate} / {@code WANGJIAN_TSA_CERTIFICATE}, a
 * PEM file) verification also checks the token's signature.
 */
public final class TimestampAuthority {

    private static final SecureRandom NONCES = new SecureRandom();

    private final URI url;
    private final X509Certificate certificate;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public TimestampAuthority(URI url, X509Certificate certificate) {
        this.url = url;
        this.certificate = certificate;
    }

    /** From configuration values; null when no URL is given. */
    public static TimestampAuthority configured(String url, String certificatePem) {
        if (url == null || url.isBlank()) {
            return null;
        }
        X509Certificate cert = null;
        if (certificatePem != null && !certificatePem.isBlank()) {
            try (InputStream in = Files.newInputStream(Path.of(certificatePem.strip()))) {
                cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            } catch (IOException | java.security.cert.CertificateException e) {
                throw new IllegalArgumentException("无法读取时间戳机构证书 wangjian.chain.tsa-certificate (cannot read the "
                        + "TSA certificate): " + e.getMessage(), e);
            }
        }
        return new TimestampAuthority(URI.create(url.strip()), cert);
    }

    /** The authority's token for a SHA-256 digest; refuses an answer that is not for this request. */
    public byte[] stamp(byte[] sha256) throws IOException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256,
                new BigInteger(64, NONCES));
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (answer.statusCode() != 200) {
            throw new IOException("时间戳机构答复 HTTP " + answer.statusCode());
        }
        try {
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IOException("时间戳机构拒绝 (refused): " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException e) {
            throw new IOException("时间戳机构的答复无效 (invalid answer): " + e.getMessage(), e);
        }
    }

    /** What a kept token says about a digest. */
    public record Verified(boolean matches, Instant time, String problem) {
    }

    /** Checks a kept token against the digest it should cover (and its signature, when the certificate is known). */
    public Verified verify(byte[] token, byte[] sha256) {
        try {
            TimeStampToken t = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(token));
            var info = t.getTimeStampInfo();
            Instant time = info.getGenTime().toInstant();
            if (!info.getMessageImprintAlgOID().equals(NISTObjectIdentifiers.id_sha256)
                    || !Arrays.equals(info.getMessageImprintDigest(), sha256)) {
                return new Verified(false, time, "时间戳所证明的摘要与锚点不符，锚点已被改写 (time-stamp does not cover the anchor)");
            }
            if (certificate != null) {
                t.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            }
            return new Verified(true, time, null);
        } catch (Exception e) {
            return new Verified(false, null, "时间戳无效 (invalid time-stamp): " + e.getMessage());
        }
    }
}
