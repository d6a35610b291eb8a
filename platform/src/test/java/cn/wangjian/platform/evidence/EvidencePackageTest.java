package cn.wangjian.platform.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.DataScope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Evidence packages travel between agencies: verified on import, taken whole or not at all. */
class EvidencePackageTest extends PlatformTest {

    @Autowired
    Evidence evidence;
    @Autowired
    EvidencePackages packages;

    private Capture capture(String url, String body) {
        return evidence.record(new Evidence.NewCapture(Capture.Kind.WEB_PAGE, url, Instant.now(), 200,
                "{\"Content-Type\":[\"text/html\"]}", "text/html", body.getBytes(StandardCharsets.UTF_8), body, null,
                null, "pkg.tester", "SAMR", "110000"));
    }

    /** The package with one entry's bytes replaced. */
    private static byte[] rewrite(byte[] zip, String entry, java.util.function.UnaryOperator<byte[]> change)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(e.getName().equals(entry) ? change.apply(data) : data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void a_package_is_verified_and_imported_whole_and_a_changed_byte_or_field_refuses_it() throws Exception {
        Capture a = capture("https://shop.example/a", "<p>全网最佳 A</p>");
        Capture b = capture("https://shop.example/b", "<p>高仿 B</p>");
        byte[] zip = packages.export(List.of(a.seq(), b.seq()), DataScope.of("SAMR",
                new cn.wangjian.platform.identity.RegionCode("110000")), "pkg.tester");

        EvidencePackages.ImportReport ok = packages.verifyAndImport(zip, "pkg.customs", "CUSTOMS", "110000");
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.imported()).isTrue();
        assertThat(ok.newSeqs()).hasSize(2);
        Capture imported = evidence.find(ok.newSeqs().get(0), DataScope.everything()).orElseThrow();
        assertThat(imported.kind()).isEqualTo(Capture.Kind.PACKAGE_IMPORT);
        assertThat(imported.contentSha256()).isEqualTo(a.contentSha256());
        assertThat(imported.note()).contains("原序号 " + a.seq(), a.recordHash());
        assertThat(imported.ownerAgency()).isEqualTo("CUSTOMS");

        byte[] changedObject = rewrite(zip, "objects/" + b.contentSha256(), d -> {
            byte[] c = d.clone();
            c[3] ^= 1;
            return c;
        });
        EvidencePackages.ImportReport refused = packages.verifyAndImport(changedObject, "pkg.customs", "CUSTOMS", "110000");
        assertThat(refused.imported()).isFalse();
        assertThat(String.join("\n", refused.problems())).contains(b.contentSha256(), "改动");

        byte[] changedRecord = rewrite(zip, "manifest.json", d -> new String(d, StandardCharsets.UTF_8)
                .replace("https://shop.example/a", "https://shop.example/x").getBytes(StandardCharsets.UTF_8));
        EvidencePackages.ImportReport refused2 = packages.verifyAndImport(changedRecord, "pkg.customs", "CUSTOMS", "110000");
        assertThat(refused2.imported()).isFalse();
        assertThat(String.join("\n", refused2.problems())).contains("原序号 " + a.seq(), "记录已被改动");

        assertThat(packages.verifyAndImport("not a zip".getBytes(StandardCharsets.UTF_8), "x", "SAMR", "110000")
                .problems()).isNotEmpty();
        // a reader outside the owner's scope exports nothing of it
        byte[] foreign = packages.export(List.of(a.seq()), DataScope.of("SAMR",
                new cn.wangjian.platform.identity.RegionCode("310000")), "sh");
        assertThat(packages.verifyAndImport(foreign, "x", "SAMR", "310000").problems()).contains("证据包中没有记录 (no records)");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;
    @org.springframework.beans.factory.annotation.Autowired
    cn.wangjian.platform.audit.ChainKey key;

    @Test
    void an_evidence_record_rewritten_and_recomputed_without_the_key_is_reported() {
        Capture c = capture("https://shop.example.cn/keyed", "<p>keyed</p>");
        assertThat(c.keyId()).isEqualTo(key.id());
        String forged = Capture.hash(null, c.seq(), c.kind(), "https://shop.example.cn/forged", c.fetchedAt(),
                c.httpStatus(), c.headers(), c.contentType(), c.contentSha256(), c.contentSize(), c.textSha256(),
                c.screenshotSha256(), c.note(), c.capturedBy(), c.ownerAgency(), c.ownerRegion(), c.prevHash());
        var jdbc = asOwner();
        jdbc.sql("ALTER TABLE evidence_capture DISABLE TRIGGER USER").update();
        try {
            jdbc.sql("UPDATE evidence_capture SET url = 'https://shop.example.cn/forged', record_hash = ?, key_id = NULL"
                    + " WHERE seq = ?").params(forged, c.seq()).update();
            EvidenceVerifier.Result r = new EvidenceVerifier(dataSource, dataDir(), key).verify();
            assertThat(r.intact()).isFalse();
            assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("第 " + c.seq() + " 条", "未用密钥签名"));
        } finally {
            jdbc.sql("UPDATE evidence_capture SET url = ?, record_hash = ?, key_id = ? WHERE seq = ?")
                    .params(c.url(), c.recordHash(), c.keyId(), c.seq()).update();
            jdbc.sql("ALTER TABLE evidence_capture ENABLE TRIGGER USER").update();
        }
    }

    @Test
    void deleting_the_newest_evidence_record_after_an_anchor_is_reported() {
        Capture c = capture("https://shop.example.cn/anchored", "<p>anchored</p>");
        evidence.anchor();
        var owner = asOwner();
        owner.sql("ALTER TABLE evidence_capture DISABLE TRIGGER USER").update();
        try {
            owner.sql("DELETE FROM evidence_capture WHERE seq = ?").param(c.seq()).update();
            EvidenceVerifier.Result r = new EvidenceVerifier(dataSource, dataDir(), key).verify();
            assertThat(r.intact()).isFalse();
            assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("最新的记录已被删除"));
        } finally {
            owner.sql("""
                    INSERT INTO evidence_capture (seq, kind, url, fetched_at, http_status, headers, content_type,
                        content_sha256, content_size, text_sha256, screenshot_sha256, note, captured_by, owner_agency,
                        owner_region, prev_hash, record_hash, key_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(c.seq(), c.kind().name(), c.url(), java.sql.Timestamp.from(c.fetchedAt()), c.httpStatus(),
                            c.headers(), c.contentType(), c.contentSha256(), c.contentSize(), c.textSha256(),
                            c.screenshotSha256(), c.note(), c.capturedBy(), c.ownerAgency(), c.ownerRegion(), c.prevHash(),
                            c.recordHash(), c.keyId()).update();
            owner.sql("ALTER TABLE evidence_capture ENABLE TRIGGER USER").update();
        }
        assertThat(new EvidenceVerifier(dataSource, dataDir(), key).verify().intact()).isTrue();
    }
}
