package cn.wangjian.platform.evidence;

import cn.wangjian.platform.identity.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence packages for a case or another agency: a ZIP with {@code manifest.json} (every record as fixed here,
 * with its hashes) and {@code objects/<sha256>}. Importing verifies every object against its name and every record
 * against its own hash, and takes the package in all or nothing: into the local chain as {@code PACKAGE_IMPORT}
 * records that name the original record.
 */
@Service
public class EvidencePackages {

    static final String FORMAT = "wangjian-evidence-package/1";
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final long MAX_ENTRY = 64L << 20;
    private static final int MAX_ENTRIES = 10_000;
    /** All entries together, uncompressed; and how much larger than the ZIP they may be (a ZIP bomb is not). */
    private static final long MAX_TOTAL = 256L << 20;
    private static final long MAX_RATIO = 100;

    /** What an import found and did. */
    public record ImportReport(boolean imported, int records, List<String> problems, List<Long> newSeqs) {
    }

    private final Evidence evidence;

    private final java.time.Clock clock;

    private final cn.wangjian.platform.audit.ChainKey key;

    EvidencePackages(Evidence evidence, java.time.Clock clock, cn.wangjian.platform.audit.ChainKey key) {
        this.key = key;
        this.clock = clock;
        this.evidence = evidence;
    }

    /** The package of the given captures that the reader may see; unknown or foreign ones are left out. */
    public byte[] export(List<Long> seqs, DataScope scope, String exportedBy) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("format", FORMAT).put("exportedAt", clock.instant().toString()).put("exportedBy", exportedBy);
            ArrayNode records = manifest.putArray("records");
            java.util.Set<String> written = new java.util.HashSet<>();
            for (long seq : seqs) {
                Capture c = evidence.find(seq, scope).orElse(null);
                if (c == null) {
                    continue;
                }
                records.add(JSON.valueToTree(c));
                for (String sha : new String[] {c.contentSha256(), c.textSha256(), c.screenshotSha256()}) {
                    if (sha != null && written.add(sha)) {
                        zip.putNextEntry(new ZipEntry("objects/" + sha));
                        zip.write(evidence.object(c, sha).orElseThrow(() -> new IllegalStateException(
                                "证据文件缺失 (object missing): " + sha)));
                        zip.closeEntry();
                    }
                }
            }
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Verifies a package and, when every check passes, imports it; otherwise imports nothing. */
    @Transactional
    public ImportReport verifyAndImport(byte[] zipBytes, String actor, String agency, String region) {
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> objects = new HashMap<>();
        JsonNode manifest = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            ZipEntry e;
            int entries = 0;
            long total = 0;
            long allowed = Math.min(MAX_TOTAL, Math.max(1L << 20, zipBytes.length * MAX_RATIO));
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    problems.add("文件过多 (too many entries)");
                    break;
                }
                long room = Math.min(MAX_ENTRY, allowed - total);
                byte[] data = zip.readNBytes((int) room + 1);
                total += data.length;
                if (total > allowed) {
                    problems.add("解压后超过 " + (allowed >> 20) + " MB（包大小的 " + MAX_RATIO + " 倍或 256 MB 上限），"
                            + "停止读取 (uncompressed size over the bound: not a package, possibly a ZIP bomb)");
                    break;
                }
                if (data.length > MAX_ENTRY) {
                    problems.add(e.getName() + "：超过 64 MB (entry too large)");
                    continue;
                }
                if (e.getName().equals("manifest.json")) {
                    manifest = JSON.readTree(data);
                } else if (e.getName().startsWith("objects/")) {
                    String name = e.getName().substring("objects/".length());
                    if (!name.matches("[0-9a-f]{64}")) {
                        problems.add(e.getName() + "：文件名不是 SHA-256 (not a SHA-256 name)");
                    } else if (!ObjectStore.sha256(data).equals(name)) {
                        problems.add(e.getName() + "：内容与其哈希不符，文件已被改动 (object altered)");
                    } else {
                        objects.put(name, data);
                    }
                } else {
                    problems.add(e.getName() + "：不属于证据包 (unexpected entry)");
                }
            }
        } catch (IOException e) {
            problems.add("不是有效的 ZIP 文件 (not a valid ZIP): " + e.getMessage());
        }
        if (manifest == null) {
            problems.add("缺少 manifest.json (no manifest)");
            return new ImportReport(false, 0, problems, List.of());
        }
        if (!FORMAT.equals(manifest.path("format").asText())) {
            problems.add("manifest.json：格式应为 " + FORMAT + " (unknown format)");
        }
        List<Capture> records = new ArrayList<>();
        int i = 0;
        for (JsonNode r : manifest.path("records")) {
            i++;
            Capture c;
            try {
                c = JSON.treeToValue(r, Capture.class);
            } catch (IOException | IllegalArgumentException e) {
                problems.add("manifest.json 第 " + i + " 条记录无法读取 (unreadable record): " + e.getMessage());
                continue;
            }
            if (c.keyId() != null && key.forId(c.keyId()) == null) {
                problems.add("manifest.json 第 " + i + " 条记录（原序号 " + c.seq() + "）由另一个平台的密钥 " + c.keyId()
                        + " 签名，本平台无法核验 (signed with another platform's key)");
            } else if (!c.computedHash(key).equals(c.recordHash())) {
                problems.add("manifest.json 第 " + i + " 条记录（原序号 " + c.seq() + "）与其哈希不符，记录已被改动 (record altered)");
            }
            for (String sha : new String[] {c.contentSha256(), c.textSha256(), c.screenshotSha256()}) {
                if (sha != null && !objects.containsKey(sha)) {
                    problems.add("manifest.json 第 " + i + " 条记录（原序号 " + c.seq() + "）的文件 " + sha
                            + " 缺失或已被改动 (object missing)");
                }
            }
            records.add(c);
        }
        if (records.isEmpty()) {
            problems.add("证据包中没有记录 (no records)");
        }
        if (!problems.isEmpty()) {
            return new ImportReport(false, records.size(), problems, List.of());
        }
        List<Long> seqs = new ArrayList<>();
        String exportedBy = manifest.path("exportedBy").asText();
        for (Capture c : records) {
            Capture imported = evidence.record(new Evidence.NewCapture(Capture.Kind.PACKAGE_IMPORT, c.url(),
                    c.fetchedAt(), c.httpStatus(), c.headers(), c.contentType(), objects.get(c.contentSha256()),
                    c.textSha256() == null ? null : new String(objects.get(c.textSha256()),
                            java.nio.charset.StandardCharsets.UTF_8),
                    c.screenshotSha256() == null ? null : objects.get(c.screenshotSha256()),
                    "导入自证据包（导出人 " + exportedBy + "，原序号 " + c.seq() + "，原记录哈希 " + c.recordHash()
                            + "，原取证人 " + c.capturedBy() + "）", actor, agency, region));
            seqs.add(imported.seq());
        }
        return new ImportReport(true, records.size(), List.of(), seqs);
    }
}
