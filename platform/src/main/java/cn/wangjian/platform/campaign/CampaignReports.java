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
        byte[] main = body(c, r, bureau, table, chosen);
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

    private byte[] body(Campaigns.Campaign c, Report r, String bureau, CampaignStatistics.Table table,
                        List<CaseFiles.DecidedCase> chosen) {
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
            parts.add(chinese(n) + "、违法典型案例（附处罚决定书）");
            for (String p : parts) {
                doc.add(new Paragraph(p, body));
            }
            doc.newPage();
            int i = 0;
            for (Section s : Section.values()) {
                doc.add(new Paragraph(parts.get(i++), heading));
                for (String line : r.sections().get(s).split("\\R")) {
                    Paragraph para = new Paragraph(line, body);
                    para.setFirstLineIndent(24);
                    para.setLeading(22);
                    doc.add(para);
                }
            }
            doc.add(new Paragraph(parts.get(i++), heading));
            PdfPTable t = new PdfPTable(new float[] {2, 6, 1.5f, 2});
            t.setWidthPercentage(100);
            for (String h : new String[] {"部门", "指标", "单位", "数值"}) {
                t.addCell(new Phrase(h, small));
            }
            Map<String, String> agencies = new java.util.HashMap<>();
            directory.agencies().forEach(a -> agencies.put(a.code(), a.shortName()));
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
            doc.add(new Paragraph(parts.get(i), heading));
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
