package cn.wangjian.platform.campaign;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.documents.ChineseFont;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfImportedPage;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's summary report (工作总结) of one bureau: the coordinator writes the four sections; the figures are
 * the statistics table of the report's period and the bureau's region; the typical cases are cases the case officers
 * marked typical, each with its standing penalty decision, whose fixed PDF is appended. It is submitted once, with at
 * least three typical cases, and is then read-only; it renders as one PDF with the Chinese font embedded, a table of
 * contents and numbered pages.
 */
@Service
public class CampaignReports {

    static final int MIN_TYPICAL_CASES = 3;
    static final int MAX_SECTION = 20_000;

    /** The four sections the plan asks for (五(四)). */
    public enum Section {
        EXPERIENCE("经验做法"), RESULTS("行动成效"), PROBLEMS("存在问题"), NEXT_STEPS("下一步打算");

        private final String label;

        Section(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Report(long id, long campaignId, String agencyCode, String regionCode, LocalDate periodFrom,
                         LocalDate periodTo, Map<Section, String> sections, List<Long> caseIds, String submittedBy,
                         Instant submittedAt) {
        public boolean submitted() {
            return submittedAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final CampaignStatistics statistics;
    private final CaseFiles cases;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    CampaignReports(JdbcClient jdbc, Campaigns campaigns, CampaignStatistics statistics, CaseFiles cases,
                    Directory directory, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.statistics = statistics;
        this.cases = cases;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    static final long MAX_PHOTO_BYTES = 10L << 20;
    static final long MAX_VIDEO_BYTES = 60L << 20;

    /** A photo or video attached to a report, with its caption. */
    public record Media(long id, long reportId, String kind, String fileName, String contentType, long sizeBytes,
                        String sha256, String caption) {
        public boolean photo() {
            return "PHOTO".equals(kind);
        }
    }

    /**
     * Attaches a photo (JPEG or PNG, at most 10 MB) or a video (MP4 or WebM, at most 60 MB) to the bureau's draft,
     * the kind read from the file's first bytes, not from its name or declared type.
     */
    @Transactional
    public Media attach(long campaignId, String fileName, byte[] content, String caption, CurrentUser coordinator) {
        Report r = find(campaignId, coordinator).orElseThrow(() -> new CampaignRefusedException(
                "请先保存工作总结，再附照片和视频 (save the report first)"));
        if (r.submitted()) {
            throw new CampaignRefusedException("工作总结已上报，不能再修改 (already submitted)");
        }
        String type = cn.wangjian.platform.documents.FileTypes.of(content)
                .filter(t -> t.startsWith("image/") || t.startsWith("video/"))
                .orElseThrow(() -> new CampaignRefusedException("字段 file：" + safeName(fileName)
                        + " 不是 JPEG/PNG 照片或 MP4/WebM 视频 (not a photo or a video)"));
        String kind = type.startsWith("image/") ? "PHOTO" : "VIDEO";
        long limit = kind.equals("PHOTO") ? MAX_PHOTO_BYTES : MAX_VIDEO_BYTES;
        if (content.length > limit) {
            throw new CampaignRefusedException("字段 file：" + safeName(fileName) + " 超过 " + (limit >> 20) + " MB"
                    + " (file too large)");
        }
        String text = Fields.required(caption, "caption", "说明", 500);
        String sha = cn.wangjian.platform.evidence.Evidence.sha256(content);
        long id = jdbc.sql("""
                INSERT INTO campaign_report_media (report_id, kind, file_name, content_type, size_bytes, sha256, content,
                                                   caption, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(r.id(), kind, safeName(fileName), type, content.length, sha, content, text,
                        coordinator.getUsername(), Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(coordinator.getUsername(), "campaign.report-media-attached", "campaign_report", Long.toString(r.id()),
                null, Map.of("media", id, "kind", kind, "sha256", sha));
        return media(r.id()).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    public List<Media> media(long reportId) {
        return jdbc.sql("""
                SELECT id, report_id, kind, file_name, content_type, size_bytes, sha256, caption
                FROM campaign_report_media WHERE report_id = ? ORDER BY id""").param(reportId)
                .query((rs, n) -> new Media(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8))).list();
    }

    /** A medium's bytes, if its report is one the user may read. */
    public Optional<byte[]> mediaContent(long mediaId, CurrentUser user) {
        return jdbc.sql("SELECT report_id, content FROM campaign_report_media WHERE id = ?").param(mediaId)
                .query((rs, n) -> new StoredMedium(rs.getLong(1), rs.getBytes(2))).optional()
                .filter(m -> readable(m.reportId(), user).isPresent()).map(StoredMedium::content);
    }

    private record StoredMedium(long reportId, byte[] content) {
    }

    private static String safeName(String name) {
        String n = name == null || name.isBlank() ? "未命名" : name.strip();
        n = n.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    /** Submitted reports of the bureaus below the user (their own agency's, or every agency's for market supervision). */
    public List<Report> submittedBelow(long campaignId, CurrentUser user) {
        return jdbc.sql("""
                SELECT * FROM campaign_report WHERE campaign_id = ? AND submitted_at IS NOT NULL AND region_code LIKE ?
                AND (agency_code = ? OR ? = 'SAMR') ORDER BY region_code, agency_code""")
                .params(campaignId, user.region().subtreePrefix() + "%", user.agencyCode(), user.agencyCode())
                .query((rs, n) -> report(rs)).list().stream().map(this::withCases).toList();
    }

    /** A report the user may read: their bureau's own, or a submitted one below them. */
    Optional<Report> readable(long reportId, CurrentUser user) {
        return jdbc.sql("SELECT * FROM campaign_report WHERE id = ?").param(reportId).query((rs, n) -> report(rs))
                .optional().map(this::withCases).filter(r -> (r.agencyCode().equals(user.agencyCode())
                        && r.regionCode().equals(user.region().value()))
                        || (r.submitted() && user.region().contains(new RegionCode(r.regionCode()))
                        && (r.agencyCode().equals(user.agencyCode()) || "SAMR".equals(user.agencyCode()))));
    }

    /** The bureau's report of the campaign, if begun. */
    public Optional<Report> find(long campaignId, CurrentUser user) {
        return jdbc.sql("SELECT * FROM campaign_report WHERE campaign_id = ? AND agency_code = ? AND region_code = ?")
                .params(campaignId, user.agencyCode(), user.region().value()).query((rs, n) -> report(rs)).optional()
                .map(this::withCases);
    }

    /** Saves the coordinator's sections, period and chosen typical cases (a draft until submitted). */
    @Transactional
    public Report save(long campaignId, LocalDate from, LocalDate to, Map<Section, String> sections, List<Long> caseIds,
                       CurrentUser coordinator) {
        if (!coordinator.hasRole(Role.CAMPAIGN_COORDINATOR) || coordinator.agencyCode() == null) {
            throw new CampaignRefusedException("只有专项行动协调人可以撰写工作总结 (only a campaign coordinator writes it)");
        }
        campaigns.find(campaignId).orElseThrow(() -> new CampaignRefusedException("没有这个专项行动 (no such campaign)"));
        if (from == null || to == null || to.isBefore(from)) {
            throw new CampaignRefusedException("字段 from/to：请给出统计期间，结束不早于开始 (a period is needed)");
        }
        Optional<Report> existing = find(campaignId, coordinator);
        if (existing.isPresent() && existing.get().submitted()) {
            throw new CampaignRefusedException("工作总结已上报，不能再修改 (already submitted)");
        }
        for (Section s : Section.values()) {
            String text = sections.getOrDefault(s, "");
            if (text != null && text.length() > MAX_SECTION) {
                throw new CampaignRefusedException("字段 " + s.name().toLowerCase(java.util.Locale.ROOT) + "：" + s.label()
                        + "超过 " + MAX_SECTION + " 字 (section too long)");
            }
        }
        List<Long> chosen = caseIds == null ? List.of() : caseIds.stream().distinct().toList();
        for (long id : chosen) {
            typical(id, coordinator);
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO campaign_report (campaign_id, agency_code, region_code, period_from, period_to, experience,
                                             results, problems, next_steps, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign_id, agency_code, region_code) DO UPDATE SET period_from = EXCLUDED.period_from,
                    period_to = EXCLUDED.period_to, experience = EXCLUDED.experience, results = EXCLUDED.results,
                    problems = EXCLUDED.problems, next_steps = EXCLUDED.next_steps, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at
                RETURNING id""")
                .params(campaignId, coordinator.agencyCode(), coordinator.region().value(), Date.valueOf(from),
                        Date.valueOf(to), text(sections, Section.EXPERIENCE), text(sections, Section.RESULTS),
                        text(sections, Section.PROBLEMS), text(sections, Section.NEXT_STEPS),
                        coordinator.getUsername(), Timestamp.from(now)).query(Long.class).single();
        jdbc.sql("DELETE FROM campaign_report_case WHERE report_id = ?").param(id).update();
        for (int i = 0; i < chosen.size(); i++) {
            jdbc.sql("INSERT INTO campaign_report_case (report_id, case_id, seq) VALUES (?, ?, ?)")
                    .params(id, chosen.get(i), i + 1).update();
        }
        audit.record(coordinator.getUsername(), "campaign.report-saved", "campaign_report", Long.toString(id), null,
                Map.of("cases", chosen.size()));
        return find(campaignId, coordinator).orElseThrow();
    }

    /** Submits the report to the superior: complete sections and at least three typical cases with decisions. */
    @Transactional
    public Report submit(long campaignId, CurrentUser coordinator) {
        Report r = find(campaignId, coordinator)
                .orElseThrow(() -> new CampaignRefusedException("尚未撰写工作总结 (no report yet)"));
        if (!coordinator.hasRole(Role.CAMPAIGN_COORDINATOR)) {
            throw new CampaignRefusedException("只有专项行动协调人可以上报 (only a campaign coordinator submits)");
        }
        if (r.submitted()) {
            throw new CampaignRefusedException("工作总结已上报 (already submitted)");
        }
        for (Section s : Section.values()) {
            if (r.sections().get(s).isBlank()) {
                throw new CampaignRefusedException("字段 " + s.name().toLowerCase(java.util.Locale.ROOT) + "：请撰写“"
                        + s.label() + "” (section missing)");
            }
        }
        if (r.caseIds().size() < MIN_TYPICAL_CASES) {
            throw new CampaignRefusedException("字段 cases：典型案例不少于 " + MIN_TYPICAL_CASES + " 件（现有 "
                    + r.caseIds().size() + " 件），每件附处罚决定书 (at least three typical cases)");
        }
        for (long id : r.caseIds()) {
            typical(id, coordinator);                 // each still typical, with its decision standing
        }
        jdbc.sql("UPDATE campaign_report SET submitted_by = ?, submitted_at = ? WHERE id = ? AND submitted_at IS NULL")
                .params(coordinator.getUsername(), Timestamp.from(clock.instant()), r.id()).update();
        audit.record(coordinator.getUsername(), "campaign.report-submitted", "campaign_report", Long.toString(r.id()),
                null, Map.of("cases", r.caseIds()));
        return find(campaignId, coordinator).orElseThrow();
    }

    /** The typical cases the coordinator may choose from. */
    public List<CaseFiles.DecidedCase> candidates(CurrentUser user) {
        return cases.typicalDecided(user.dataScope(), 200);
    }

    private CaseFiles.DecidedCase typical(long id, CurrentUser user) {
        CaseFiles.DecidedCase c = cases.decided(id, user.dataScope()).orElseThrow(() -> new CampaignRefusedException(
                "字段 cases：案件 " + id + " 不在您的辖区内或尚无有效的处罚决定 (no standing decision)"));
        if (!c.typical()) {
            throw new CampaignRefusedException("字段 cases：案件 " + c.caseNo() + " 未被办案人员标记为典型案例 (not marked typical)");
        }
        if (cases.fixedDocument(id, "decision").isEmpty()) {
            throw new CampaignRefusedException("字段 cases：案件 " + c.caseNo() + " 没有已固定的处罚决定书 (no fixed decision)");
        }
        return c;
    }

    /** The report as one PDF: cover, contents, the four sections, the figures, the typical cases and their decisions. */
    public byte[] pdf(long campaignId, CurrentUser user) {
        Report r = find(campaignId, user).orElseThrow(() -> new CampaignRefusedException("尚未撰写工作总结 (no report yet)"));
        return pdf(r, user);
    }

    /** A report the user may read (a superior reads the submitted reports below them) as PDF. */
    public byte[] pdfOf(long reportId, CurrentUser user) {
        return pdf(readable(reportId, user).orElseThrow(() -> new CampaignRefusedException(
                "没有这份工作总结 (no such report)")), user);
    }

    private byte[] pdf(Report r, CurrentUser user) {
        long campaignId = r.campaignId();
        Campaigns.Campaign c = campaigns.find(campaignId).orElseThrow();
        String bureau = directory.bureauName(r.agencyCode(), new RegionCode(r.regionCode()));
        CampaignStatistics.Table table = statistics.table(r.periodFrom(), r.periodTo(), new RegionCode(r.regionCode()));
        List<CaseFiles.DecidedCase> chosen = new ArrayList<>();
        List<byte[]> decisions = new ArrayList<>();
        for (long id : r.caseIds()) {
            cases.decided(id, user.dataScope()).ifPresent(d -> {
                chosen.add(d);
                cases.fixedDocument(id, "decision").ifPresent(f -> decisions.add(f.content()));
            });
        }
        // twice: the first pass finds the page of each part, the second writes them into the contents
        List<Integer> decisionPages = new ArrayList<>();
        for (byte[] d : decisions) {
            decisionPages.add(pageCount(d));
        }
        List<Media> media = media(r.id());
        Map<String, Integer> draftPages = new java.util.HashMap<>();
        byte[] draft = body(c, r, bureau, table, chosen, media, new Contents(Map.of(), draftPages, decisionPages, 0));
        byte[] main = body(c, r, bureau, table, chosen, media, new Contents(draftPages, new java.util.HashMap<>(),
                decisionPages, pageCount(draft)));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document doc = new Document();
            PdfCopy copy = new PdfCopy(doc, out);
            doc.open();
            for (byte[] part : prepend(main, decisions)) {
                PdfReader reader = new PdfReader(part);
                for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                    PdfImportedPage page = copy.getImportedPage(reader, p);
                    copy.addPage(page);
                }
                reader.close();
            }
            doc.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("无法生成工作总结 (cannot write the report): " + e.getMessage(), e);
        }
    }

    private static List<byte[]> prepend(byte[] first, List<byte[]> rest) {
        List<byte[]> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /**
     * The contents of the report: the pages of its parts as a previous pass found them ({@code known}; empty in the
     * first pass), where this pass records them ({@code found}), and the appended decisions' page counts after the
     * report's own {@code bodyPages} (0 while unknown).
     */
    private record Contents(Map<String, Integer> known, Map<String, Integer> found, List<Integer> decisionPages,
                            int bodyPages) {
        String pageOf(String part) {
            Integer page = known.get(part);
            return page == null ? "" : Integer.toString(page);
        }

        String pageOfDecision(int index) {
            if (bodyPages == 0) {
                return "";
            }
            int page = bodyPages + 1;
            for (int i = 0; i < index; i++) {
                page += decisionPages.get(i);
            }
            return Integer.toString(page);
        }
    }

    private static int pageCount(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            int n = reader.getNumberOfPages();
            reader.close();
            return n;
        } catch (IOException e) {
            throw new IllegalStateException("无法读取文书 (cannot read a document): " + e.getMessage(), e);
        }
    }

    private static Paragraph contentsLine(String text, String page, Font font) {
        Paragraph line = new Paragraph();
        line.add(new com.lowagie.text.Chunk(text, font));
        line.add(new com.lowagie.text.Chunk(new com.lowagie.text.pdf.draw.DottedLineSeparator()));
        line.add(new com.lowagie.text.Chunk(page, font));
        return line;
    }

    private static Paragraph part(String text, Font font) {
        com.lowagie.text.Chunk chunk = new com.lowagie.text.Chunk(text, font);
        chunk.setGenericTag(text);
        Paragraph p = new Paragraph(chunk);
        p.setLeading(font.getSize() * 1.5f);
        return p;
    }

    private byte[] body(Campaigns.Campaign c, Report r, String bureau, CampaignStatistics.Table table,
                        List<CaseFiles.DecidedCase> chosen, List<Media> media, Contents toc) {
        BaseFont base = ChineseFont.get();
        Font title = new Font(base, 20, Font.BOLD);
        Font heading = new Font(base, 15, Font.BOLD);
        Font body = new Font(base, 12);
        Font small = new Font(base, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 72, 72, 72, 72);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new PdfPageEventHelper() {
                @Override
                public void onEndPage(PdfWriter w, Document d) {
                    ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER,
                            new Phrase("— " + w.getPageNumber() + " —", small), (d.left() + d.right()) / 2,
                            d.bottom() - 24, 0);
                }

                @Override
                public void onGenericTag(PdfWriter w, Document d, com.lowagie.text.Rectangle rect, String text) {
                    toc.found().putIfAbsent(text, w.getPageNumber());
                }
            });
            doc.addTitle(c.name() + "工作总结");
            doc.open();
            doc.add(centered(bureau, heading));
            doc.add(centered(c.name() + "工作总结", title));
            doc.add(centered("统计期间：" + r.periodFrom() + " 至 " + r.periodTo(), body));
            doc.add(centered(r.submitted() ? "上报时间：" + r.submittedAt().atZone(java.time.ZoneId.of("Asia/Shanghai"))
                    .toLocalDate() : "草稿（尚未上报）", body));
            Paragraph contents = new Paragraph("目录", heading);
            contents.setSpacingBefore(24);
            doc.add(contents);
            List<String> parts = new ArrayList<>();
            int n = 1;
            for (Section s : Section.values()) {
                parts.add(chinese(n++) + "、" + s.label());
            }
            parts.add(chinese(n++) + "、专项行动情况统计表");
            parts.add(chinese(n++) + "、联合执法图片视频资料");
            parts.add(chinese(n) + "、违法典型案例（附处罚决定书）");
            for (String p : parts) {
                doc.add(contentsLine(p, toc.pageOf(p), body));
            }
            for (int k = 0; k < chosen.size(); k++) {
                doc.add(contentsLine("    附" + (k + 1) + "：行政处罚决定书 " + chosen.get(k).decisionNo(),
                        toc.pageOfDecision(k), body));
            }
            doc.newPage();
            int i = 0;
            for (Section s : Section.values()) {
                doc.add(part(parts.get(i++), heading));
                for (String line : r.sections().get(s).split("\\R")) {
                    Paragraph para = new Paragraph(line, body);
                    para.setFirstLineIndent(24);
                    para.setLeading(22);
                    doc.add(para);
                }
            }
            doc.add(part(parts.get(i++), heading));
            PdfPTable t = new PdfPTable(new float[] {2, 6, 1.5f, 2});
            t.setWidthPercentage(100);
            for (String h : new String[] {"部门", "指标", "单位", "数值"}) {
                t.addCell(new Phrase(h, small));
            }
            Map<String, String> agencies = directory.agencyShortNames();
            for (CampaignStatistics.Row row : table.rows()) {
                t.addCell(new Phrase(agencies.getOrDefault(row.indicator().agency(), row.indicator().agency()), small));
                t.addCell(new Phrase(row.indicator().label(), small));
                t.addCell(new Phrase(row.indicator().unit(), small));
                t.addCell(new Phrase(row.total().toPlainString(), small));
                for (Map.Entry<String, BigDecimal> e : row.byCategory().entrySet()) {
                    t.addCell(new Phrase("", small));
                    t.addCell(new Phrase("其中：" + e.getKey(), small));
                    t.addCell(new Phrase(row.indicator().unit(), small));
                    t.addCell(new Phrase(e.getValue().toPlainString(), small));
                }
            }
            doc.add(t);
            doc.add(part(parts.get(i++), heading));
            if (media.isEmpty()) {
                doc.add(new Paragraph("无。", body));
            }
            for (Media m : media) {
                if (m.photo()) {
                    byte[] bytes = jdbc.sql("SELECT content FROM campaign_report_media WHERE id = ?").param(m.id())
                            .query(byte[].class).single();
                    try {
                        com.lowagie.text.Image img = com.lowagie.text.Image.getInstance(bytes);
                        img.scaleToFit(doc.right() - doc.left(), 300);
                        doc.add(img);
                    } catch (IOException | RuntimeException e) {
                        doc.add(new Paragraph("（照片无法显示：" + m.fileName() + "）", small));
                    }
                    doc.add(new Paragraph("图：" + m.caption(), small));
                } else {
                    doc.add(new Paragraph("视频：" + m.fileName() + "（" + (m.sizeBytes() >> 10) + " KB，SHA-256 "
                            + m.sha256() + "，可在平台下载）：" + m.caption(), small));
                }
            }
            doc.add(part(parts.get(i), heading));
            int k = 1;
            for (CaseFiles.DecidedCase d : chosen) {
                doc.add(new Paragraph(k++ + ". " + d.subjectName() + "（立案号 " + d.caseNo() + "；决定书 " + d.decisionNo()
                        + "，" + d.decidedOn() + "）：" + d.penalty(), body));
            }
            doc.add(new Paragraph("各案处罚决定书附后。", body));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("无法生成工作总结 (cannot write the report): " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static Paragraph centered(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(8);
        return p;
    }

    private static String chinese(int n) {
        return "一二三四五六七八九十".substring(n - 1, n);
    }

    private static String text(Map<Section, String> sections, Section s) {
        String v = sections.get(s);
        return v == null ? "" : v.strip();
    }

    private Report withCases(Report r) {
        List<Long> ids = jdbc.sql("SELECT case_id FROM campaign_report_case WHERE report_id = ? ORDER BY seq")
                .param(r.id()).query(Long.class).list();
        return new Report(r.id(), r.campaignId(), r.agencyCode(), r.regionCode(), r.periodFrom(), r.periodTo(),
                r.sections(), List.copyOf(ids), r.submittedBy(), r.submittedAt());
    }

    private static Report report(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<Section, String> sections = new java.util.EnumMap<>(Section.class);
        sections.put(Section.EXPERIENCE, rs.getString("experience"));
        sections.put(Section.RESULTS, rs.getString("results"));
        sections.put(Section.PROBLEMS, rs.getString("problems"));
        sections.put(Section.NEXT_STEPS, rs.getString("next_steps"));
        Timestamp at = rs.getTimestamp("submitted_at");
        return new Report(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("agency_code"),
                rs.getString("region_code"), rs.getDate("period_from").toLocalDate(),
                rs.getDate("period_to").toLocalDate(), Map.copyOf(sections), List.of(), rs.getString("submitted_by"),
                at == null ? null : at.toInstant());
    }
}
