package cn.wangjian.platform.clue;

import cn.wangjian.engine.calendar.Deadline;
import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.calendar.WorkingDays;
import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.identity.RegionCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints and reports filed by the public on the web form (投诉举报, 《市场监督管理投诉举报处理暂行办法》): each becomes
 * a clue of the market-supervision bureau of the region the filer chose, with a tracking number and an access code
 * given once (only its hash is kept), the deadline counted on the stored working-day calendar from the day of receipt
 * — 7 working days to accept or reject a complaint (Art.14), 15 to check a report's clue (处罚程序规定 Art.18, [R]) —
 * and attachments recognised by their bytes (images, PDF, video). A complaint needs the law's minimum (Art.9: the
 * complainant's name, phone and address, the respondent, the request and the facts); a report may be anonymous but
 * must give a concrete clue (Art.24). The filer follows the state with the number and the code.
 */
@Service
public class PublicComplaints {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String AGENCY = "SAMR";
    static final int COMPLAINT_DAYS = 7;
    static final int REPORT_DAYS = 15;
    static final int MAX_FILES = 5;
    static final long MAX_FILE_BYTES = 10L << 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CODE_CHARS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    public enum Kind {
        COMPLAINT("投诉", ClueSource.COMPLAINT), REPORT("举报", ClueSource.REPORT);

        private final String label;
        private final ClueSource source;

        Kind(String label, ClueSource source) {
            this.label = label;
            this.source = source;
        }

        public String label() {
            return label;
        }
    }

    /** Who files: for a report all may be blank (anonymous). */
    public record Filer(String name, String phone, String address) {
    }

    /** Whom it is about and where they sell. */
    public record Respondent(String name, String address, String platformCode, String shopId) {
    }

    public record Attachment(String fileName, byte[] content) {
    }

    public record Filing(Kind kind, String regionCode, Filer filer, Respondent respondent, String request,
                         String facts, Boolean agreesToMediation, List<Attachment> attachments) {
    }

    /** What the filer keeps: the number and the code (shown once), the bureau and the deadline. */
    public record Receipt(String complaintNo, String accessCode, String bureau, LocalDate respondBy,
                          boolean provisional) {
    }

    /** What the filer sees when following it up. */
    public record Status(String complaintNo, Kind kind, Instant receivedAt, String bureau, String state,
                         LocalDate respondBy, boolean provisional, boolean overdue) {
    }

    /** The acceptance deadline of a clue filed as a complaint or report. */
    public record RespondBy(LocalDate date, boolean provisional, String kind) {
    }

    private final JdbcClient jdbc;
    private final ClueRegister clues;
    private final WorkingDays workingDays;
    private final Directory directory;
    private final cn.wangjian.platform.registry.Registry registry;
    private final AuditLog audit;
    private final Clock clock;

    PublicComplaints(JdbcClient jdbc, ClueRegister clues, WorkingDays workingDays, Directory directory,
                     cn.wangjian.platform.registry.Registry registry, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.clues = clues;
        this.workingDays = workingDays;
        this.directory = directory;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Receipt file(Filing f) {
        if (f.kind() == null) {
            throw new ComplaintRefusedException("字段 kind：请选择投诉或举报 (complaint or report)");
        }
        if (f.regionCode() == null || directory.region(f.regionCode().strip()).isEmpty()) {
            throw new ComplaintRefusedException("字段 region：请选择被投诉举报人所在的区县 (choose the county)");
        }
        RegionCode region = new RegionCode(f.regionCode().strip());
        Filer filer = f.filer() == null ? new Filer(null, null, null) : f.filer();
        String name = optional(filer.name(), "name", "姓名", 50);
        String phone = optional(filer.phone(), "phone", "联系电话", 20);
        if (phone != null && !phone.matches("[0-9+\\-() ]{5,20}")) {
            throw new ComplaintRefusedException("字段 phone：不是电话号码 (not a phone number)");
        }
        String address = optional(filer.address(), "address", "联系地址", 200);
        if (f.kind() == Kind.COMPLAINT && (name == null || phone == null || address == null)) {
            throw new ComplaintRefusedException("字段 name/phone/address：投诉须留下姓名、联系电话和联系地址"
                    + "（《市场监督管理投诉举报处理暂行办法》第九条）(a complaint needs the complainant's name, phone, address)");
        }
        Respondent r = f.respondent() == null ? new Respondent(null, null, null, null) : f.respondent();
        String respondent = required(r.name(), "respondent", "被投诉举报人名称", 200);
        String respondentAddress = optional(r.address(), "respondentAddress", "被投诉举报人地址", 200);
        String platform = optional(r.platformCode(), "platformCode", "平台", 60);
        if (platform != null && registry.platformName(platform).isEmpty()) {
            throw new ComplaintRefusedException("字段 platformCode：没有这个平台 (no such platform)");
        }
        String shop = optional(r.shopId(), "shopId", "店铺编号", 100);
        if (f.kind() == Kind.COMPLAINT && respondentAddress == null && platform == null) {
            throw new ComplaintRefusedException("字段 respondentAddress：请填写被投诉人地址，或其所在平台和店铺"
                    + " (the respondent's address or platform shop)");
        }
        String request = f.kind() == Kind.COMPLAINT ? required(f.request(), "request", "投诉请求", 2000)
                : optional(f.request(), "request", "诉求", 2000);
        String facts = required(f.facts(), "facts", f.kind() == Kind.COMPLAINT ? "争议事实" : "具体线索", 10_000);
        List<Attachment> files = f.attachments() == null ? List.of() : f.attachments().stream()
                .filter(a -> a.content() != null && a.content().length > 0).toList();
        if (files.size() > MAX_FILES) {
            throw new ComplaintRefusedException("字段 files：附件至多 " + MAX_FILES + " 个 (at most " + MAX_FILES + " files)");
        }
        List<String> types = new ArrayList<>();
        for (Attachment a : files) {
            String type = cn.wangjian.platform.documents.FileTypes.of(a.content()).orElse(null);
            if (type == null) {
                throw new ComplaintRefusedException("字段 files：“" + safeName(a.fileName()) + "”不是图片、PDF 或视频"
                        + "（JPEG/PNG/PDF/MP4/WebM）(not an image, PDF or video)");
            }
            if (a.content().length > MAX_FILE_BYTES) {
                throw new ComplaintRefusedException("字段 files：“" + safeName(a.fileName()) + "”超过 10 MB (over 10 MB)");
            }
            types.add(type);
        }

        Instant now = clock.instant();
        LocalDate received = now.atZone(CHINA).toLocalDate();
        Deadline deadline = workingDays.deadline(received, f.kind() == Kind.COMPLAINT ? COMPLAINT_DAYS : REPORT_DAYS);
        String number = number(received);
        String code = code();
        StringBuilder description = new StringBuilder();
        description.append(f.kind().label()).append("编号 ").append(number).append("（网上投诉举报，")
                .append(received).append(" 收到）\n");
        description.append("被").append(f.kind().label()).append("人：").append(respondent);
        if (respondentAddress != null) {
            description.append("，地址 ").append(respondentAddress);
        }
        if (platform != null) {
            description.append("，平台 ").append(registry.platformName(platform).orElse(platform));
        }
        if (shop != null) {
            description.append("，店铺 ").append(shop);
        }
        description.append('\n');
        if (request != null) {
            description.append(f.kind() == Kind.COMPLAINT ? "投诉请求：" : "诉求：").append(request).append('\n');
        }
        description.append(f.kind() == Kind.COMPLAINT ? "争议事实：" : "具体线索：").append(facts);
        if (f.kind() == Kind.COMPLAINT && f.agreesToMediation() != null) {
            description.append("\n是否同意调解：").append(f.agreesToMediation() ? "同意" : "不同意");
        }
        String title = f.kind().label() + "：" + (facts.length() > 60 ? facts.substring(0, 59) + "…" : facts);
        Clue clue = clues.register(new NewClue(title, f.kind().source, respondent, null, description.toString()),
                AGENCY, region, "public-form");
        jdbc.sql("""
                INSERT INTO clue_complaint (clue_id, complaint_no, received_at, complainant_name, complainant_phone,
                    channel, access_code_sha256, respond_by, respond_by_provisional, complainant_address, request,
                    agrees_to_mediation)
                VALUES (?, ?, ?, ?, ?, 'web-form', ?, ?, ?, ?, ?, ?)""")
                .params(clue.id(), number, Timestamp.from(now), name, phone, hash(number, code),
                        Date.valueOf(deadline.date()), deadline.provisional(), address, request,
                        f.kind() == Kind.COMPLAINT ? f.agreesToMediation() : null).update();
        for (int i = 0; i < files.size(); i++) {
            Attachment a = files.get(i);
            jdbc.sql("""
                    INSERT INTO clue_complaint_attachment (clue_id, seq, file_name, content_type, size_bytes, sha256,
                                                           content) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(clue.id(), i + 1, safeName(a.fileName()), types.get(i), a.content().length,
                            HexFormat.of().formatHex(sha256(a.content())), a.content()).update();
        }
        audit.record("public-form", "clue.complaint-filed", "clue", Long.toString(clue.id()), null,
                Map.of("complaint", number, "kind", f.kind().name(), "files", files.size()));
        return new Receipt(number, code, directory.bureauName(AGENCY, region), deadline.date(),
                deadline.provisional());
    }

    /** The state for the filer: only with the number and its code (a wrong pair and an unknown number look alike). */
    public Optional<Status> status(String complaintNo, String accessCode) {
        if (complaintNo == null || accessCode == null || complaintNo.length() > 40 || accessCode.length() > 40) {
            return Optional.empty();
        }
        String no = complaintNo.strip().toUpperCase(java.util.Locale.ROOT);
        String code = accessCode.strip().toUpperCase(java.util.Locale.ROOT);
        return jdbc.sql("""
                SELECT cc.complaint_no, c.source, cc.received_at, c.agency_code, c.region_code, c.status,
                       cc.respond_by, cc.respond_by_provisional, cc.access_code_sha256
                FROM clue_complaint cc JOIN clue c ON c.id = cc.clue_id
                WHERE cc.complaint_no = ? AND cc.channel = 'web-form'""").param(no)
                .query((rs, n) -> {
                    if (!MessageDigest.isEqual(rs.getString(9).getBytes(StandardCharsets.US_ASCII),
                            hash(no, code).getBytes(StandardCharsets.US_ASCII))) {
                        return null;
                    }
                    Kind kind = ClueSource.valueOf(rs.getString(2)) == ClueSource.REPORT ? Kind.REPORT : Kind.COMPLAINT;
                    LocalDate by = rs.getDate(7).toLocalDate();
                    boolean open = ClueStatus.valueOf(rs.getString(6)) == ClueStatus.REGISTERED;
                    String state = open ? (kind == Kind.COMPLAINT ? "已登记，待受理" : "已登记，核查中")
                            : ClueStatus.valueOf(rs.getString(6)).label();
                    return new Status(rs.getString(1), kind, rs.getTimestamp(3).toInstant(),
                            directory.bureauName(rs.getString(4), new RegionCode(rs.getString(5))), state, by,
                            rs.getBoolean(8), open && LocalDate.now(clock).isAfter(by));
                }).optional().filter(java.util.Objects::nonNull);
    }

    /** The deadlines of the clues that were filed on the form, for the officers' queue. */
    public Map<Long, RespondBy> respondBy(Collection<Long> clueIds) {
        Map<Long, RespondBy> out = new HashMap<>();
        if (clueIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT cc.clue_id, cc.respond_by, cc.respond_by_provisional, c.source FROM clue_complaint cc
                JOIN clue c ON c.id = cc.clue_id WHERE cc.clue_id = ANY (?) AND cc.respond_by IS NOT NULL""")
                .param(clueIds.toArray(Long[]::new)).query(rs -> {
                    out.put(rs.getLong(1), new RespondBy(rs.getDate(2).toLocalDate(), rs.getBoolean(3),
                            "REPORT".equals(rs.getString(4)) ? "核查期限" : "受理期限"));
                });
        return out;
    }

    /** The attachments of a filed complaint: name, type, size, hash (the bytes through {@link #attachment}). */
    public record AttachmentInfo(int seq, String fileName, String contentType, long sizeBytes, String sha256) {
    }

    public List<AttachmentInfo> attachments(long clueId) {
        return jdbc.sql("""
                SELECT seq, file_name, content_type, size_bytes, sha256 FROM clue_complaint_attachment
                WHERE clue_id = ? ORDER BY seq""").param(clueId)
                .query((rs, n) -> new AttachmentInfo(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5))).list();
    }

    public Optional<byte[]> attachment(long clueId, int seq) {
        return jdbc.sql("SELECT content FROM clue_complaint_attachment WHERE clue_id = ? AND seq = ?")
                .params(clueId, seq).query(byte[].class).optional();
    }

    /** TS + the day + eight random digits: not guessable in sequence, and useless without its code. */
    private String number(LocalDate day) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String no = String.format("TS%s%08d", day.toString().replace("-", ""), RANDOM.nextInt(100_000_000));
            if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM clue_complaint WHERE complaint_no = ?)").param(no)
                    .query(Boolean.class).single()) {
                return no;
            }
        }
        throw new IllegalStateException("cannot draw a free complaint number");
    }

    private static String code() {
        char[] c = new char[10];
        for (int i = 0; i < c.length; i++) {
            c[i] = CODE_CHARS[RANDOM.nextInt(CODE_CHARS.length)];
        }
        return new String(c);
    }

    private static String hash(String number, String code) {
        return HexFormat.of().formatHex(sha256((number + ":" + code).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String safeName(String name) {
        String n = name == null || name.isBlank() ? "附件" : name.strip().replaceAll("[\\p{Cntrl}/\\\\]", "_");
        return n.length() > 100 ? n.substring(0, 100) : n;
    }

    private static String required(String v, String field, String label, int max) {
        String s = optional(v, field, label, max);
        if (s == null) {
            throw new ComplaintRefusedException("字段 " + field + "：请填写" + label + " (" + field + " is required)");
        }
        return s;
    }

    private static String optional(String v, String field, String label, int max) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        if (s.length() > max) {
            throw new ComplaintRefusedException("字段 " + field + "：" + label + "不超过 " + max + " 字 (too long)");
        }
        return s;
    }
}
