package cn.wangjian.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Anchors time-stamped by an RFC 3161 authority: here a real one, built with BouncyCastle, on loopback. */
class TimestampAuthorityTest {

    /** A timestamp authority with its own self-signed certificate. */
    static final class LocalTsa implements AutoCloseable {
        final X509Certificate certificate;
        final HttpServer server;
        final AtomicLong serial = new AtomicLong(1);

        LocalTsa() throws Exception {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(2048);
            KeyPair keys = kpg.generateKeyPair();
            X500Name name = new X500Name("CN=Test TSA, O=wangjian tests");
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), name,
                    keys.getPublic());
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", keys.getPrivate(), certificate),
                    new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4.1"));
            tokens.addCertificates(new JcaCertStore(List.of(certificate)));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/tsa", exchange -> {
                try {
                    TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                    byte[] answer = responses.generate(request, BigInteger.valueOf(serial.getAndIncrement()), new Date())
                            .getEncoded();
                    exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                } catch (Exception e) {
                    exchange.sendResponseHeaders(500, -1);
                }
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
        }

        Path pem(Path dir) throws Exception {
            Path file = dir.resolve("tsa.pem");
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            return file;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    LocalTsa tsa;

    @AfterEach
    void stop() {
        if (tsa != null) {
            tsa.close();
        }
    }

    @Test
    void every_anchor_gets_a_token_and_an_anchor_re_signed_with_the_chain_key_no_longer_matches_its_token()
            throws Exception {
        tsa = new LocalTsa();
        Path dir = Files.createTempDirectory("tsa");
        ChainKey key = ChainKey.load(dir, null)
                .withTimestamps(TimestampAuthority.configured(tsa.url(), tsa.pem(dir).toString()));
        AuditAnchors anchors = new AuditAnchors(key, "audit");
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        anchors.append(5, "a".repeat(64), at);
        anchors.append(9, "b".repeat(64), at.plusSeconds(3600));
        AuditAnchors.Stamps stamps = anchors.stamps();
        assertThat(stamps.problems()).isEmpty();
        assertThat(stamps.verified()).isEqualTo(2);
        assertThat(stamps.latest()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));

        // someone who holds the chain key rewrites the first anchor so that its MAC is right ...
        Path file = dir.resolve("audit-anchors.log");
        List<String> lines = Files.readAllLines(file);
        String forged = "5 " + "c".repeat(64) + " " + at + " " + key.mac("anchor", "audit", "5", "c".repeat(64), at.toString());
        Files.write(file, List.of(forged, lines.get(1)));
        assertThat(anchors.read()).allSatisfy(a -> assertThat(a.hash()).isNotNull());
        // ... but the authority's token covers the line as it was
        AuditAnchors.Stamps after = anchors.stamps();
        assertThat(after.verified()).isEqualTo(1);
        assertThat(after.problems()).singleElement().satisfies(p -> {
            assertThat(p.at()).isEqualTo(5);
            assertThat(p.reason()).contains("does not cover the anchor");
        });
        // removing the stamped line is reported too
        Files.write(file, List.of(lines.get(1)));
        assertThat(anchors.stamps().problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("stamped anchor removed"));
    }

    @Test
    void a_token_signed_by_another_authority_is_refused_when_the_certificate_is_known() throws Exception {
        tsa = new LocalTsa();
        Path dir = Files.createTempDirectory("tsa");
        ChainKey key = ChainKey.load(dir, null).withTimestamps(TimestampAuthority.configured(tsa.url(), null));
        new AuditAnchors(key, "evidence").append(3, "d".repeat(64), Instant.parse("2026-12-01T09:00:00Z"));
        try (LocalTsa other = new LocalTsa()) {
            Path otherDir = Files.createTempDirectory("other");
            ChainKey checking = ChainKey.load(dir, null)
                    .withTimestamps(TimestampAuthority.configured(tsa.url(), other.pem(otherDir).toString()));
            assertThat(new AuditAnchors(checking, "evidence").stamps().problems()).singleElement()
                    .satisfies(p -> assertThat(p.reason()).contains("invalid time-stamp"));
        }
        ChainKey right = ChainKey.load(dir, null)
                .withTimestamps(TimestampAuthority.configured(tsa.url(), tsa.pem(dir).toString()));
        assertThat(new AuditAnchors(right, "evidence").stamps().verified()).isEqualTo(1);
    }

    @Test
    void an_unreachable_authority_does_not_stop_the_anchor() throws Exception {
        Path dir = Files.createTempDirectory("tsa");
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ChainKey key = ChainKey.load(dir, null)
                .withTimestamps(TimestampAuthority.configured("http://127.0.0.1:" + closed + "/tsa", null));
        AuditAnchors anchors = new AuditAnchors(key, "audit");
        anchors.append(1, "e".repeat(64), Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(anchors.read()).hasSize(1);
        assertThat(anchors.stamps().verified()).isZero();
        assertThat(Files.exists(dir.resolve("audit-anchors.tsr"))).isFalse();
    }
}
