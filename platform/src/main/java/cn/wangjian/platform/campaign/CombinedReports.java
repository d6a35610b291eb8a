package cn.wangjian.platform.campaign;

import cn.wangjian.engine.calendar.WorkingDayCalendar;
import cn.wangjian.platform.calendar.WorkingDays;
import cn.wangjian.platform.documents.ChineseFont;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.identity.Region;
import cn.wangjian.platform.identity.RegionCode;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A superior's view of a campaign's summary reports: the due date on the stored working-day calendar, each
 * bureau below it (same agency, next level down) with its report on time, late, pending or overdue, the figures of
 * the submitted reports added up, and one combined PDF — a cover with the totals and the bureaus' states, then each
 * submitted report as its own PDF. Market supervision also sees the other agencies' reports below it (the plan's
 * copies to SAMR), listed apart and not added into its own totals.
 */
@Service
public class CombinedReports {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The names the region table gives the placeholder level of the four municipalities (市辖区, 县). */
    private static final Set<String> PLACEHOLDER_LEVELS = Set.of("市辖区", "县");

    /**
     * The report's due date and the last working day on or before it, as the stored calendar has it (provisional —
     * weekends only — for a year without holiday data), and the working days left from today (0 on the day).
     */
    public record Due(LocalDate due, LocalDate lastWorkingDay, boolean provisional, int workingDaysLeft,
                      boolean passed) {
    }

    /** Where one bureau below stands. */
    public enum State {
        ON_TIME("按时上报"), LATE("逾期上报"), PENDING("待上报"), OVERDUE("逾期未报");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Subordinate(String regionCode, String regionName, String agencyCode, CampaignReports.Report report,
                              State state) {
    }

    /** One indicator added up over the submitted reports of the bureaus below. */
    public record Total(CampaignStatistics.Indicator indicator, BigDecimal total, Map<String, BigDecimal> byRegion) {
    }

    /**
     * The view: the bureaus below and their totals, and the other submitted reports below the user — other
     * agencies' (copies to SAMR) and those of bureaus further down — listed apart, not added in.
     */
    public record Combined(Campaigns.Campaign campaign, Due due, List<Subordinate> subordinates, List<Total> totals,
                           List<CampaignReports.Report> others) {
        public long submitted() {
            return subordinates.stream().filter(s -> s.report() != null).count();
        }
    }

    private final Campaigns campaigns;
    private final CampaignReports reports;
    private final CampaignStatistics statistics;
    private final Directory directory;
    private final WorkingDays workingDays;
    private final Clock clock;

    CombinedReports(Campaigns campaigns, CampaignReports reports, CampaignStatistics statistics, Directory directory,
                    WorkingDays workingDays, Clock clock) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.statistics = statistics;
        this.directory = directory;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    public Due due(Campaigns.Campaign c) {
        LocalDate today = LocalDate.now(clock);
        WorkingDayCalendar calendar = workingDays.calendar();
        boolean provisional = false;
        LocalDate last = c.reportDue();
        try {
            while (!calendar.isWorkday(last)) {
                last = last.minusDays(1);
            }
        } catch (WorkingDayCalendar.NoDataException e) {
            provisional = true;
            last = c.reportDue();
            while (last.getDayOfWeek().getValue() >= 6) {
                last = last.minusDays(1);
            }
        }
        int left = 0;
        if (!today.isAfter(last)) {
            try {
                left = calendar.workingDaysBetween(today, last);
            } catch (WorkingDayCalendar.NoDataException e) {
                provisional = true;
                for (LocalDate d = today.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
                    left += d.getDayOfWeek().getValue() < 6 ? 1 : 0;
                }
            }
        }
        return new Due(c.reportDue(), last, provisional, left, today.isAfter(c.reportDue()));
    }

    /** The bureaus that report to the user's: the same agency one level down (through a municipality's 市辖区). */
    List<Region> below(RegionCode region) {
        List<Region> out = new ArrayList<>();
        for (Region child : directory.children(region)) {
            if (PLACEHOLDER_LEVELS.contains(child.name())) {
                out.addAll(directory.children(child.code()));
            } else {
                out.add(child);
            }
        }
        return out;
    }

    public Combined combined(long campaignId, CurrentUser user) {
        Campaigns.Campaign c = campaigns.find(campaignId)
                .orElseThrow(() -> new CampaignRefusedException("没有这个专项行动 (no such campaign)"));
        Due due = due(c);
        List<CampaignReports.Report> submitted = reports.submittedBelow(campaignId, user);
        List<Region> below = below(user.region());
        Set<String> belowCodes = new java.util.HashSet<>();
        below.forEach(r -> belowCodes.add(r.code().value()));
        Map<String, CampaignReports.Report> own = new LinkedHashMap<>();
        List<CampaignReports.Report> others = new ArrayList<>();
        for (CampaignReports.Report r : submitted) {
            if (r.agencyCode().equals(user.agencyCode()) && belowCodes.contains(r.regionCode())) {
                own.put(r.regionCode(), r);
            } else if (!(r.agencyCode().equals(user.agencyCode()) && r.regionCode().equals(user.region().value()))) {
                others.add(r);
            }
        }
        List<Subordinate> subordinates = new ArrayList<>();
        for (Region region : below) {
            CampaignReports.Report r = own.get(region.code().value());
            State state;
            if (r == null) {
                state = due.passed() ? State.OVERDUE : State.PENDING;
            } else {
                state = r.submittedAt().atZone(CHINA).toLocalDate().isAfter(c.reportDue()) ? State.LATE
                        : State.ON_TIME;
            }
            subordinates.add(new Subordinate(region.code().value(), region.name(), user.agencyCode(), r, state));
        }
        Map<String, Map<String, BigDecimal>> byIndicator = new LinkedHashMap<>();
        for (Subordinate s : subordinates) {
            if (s.report() == null) {
                continue;
            }
            CampaignReports.Report r = s.report();
            for (CampaignStatistics.Row row : statistics.table(r.periodFrom(), r.periodTo(),
                    new RegionCode(r.regionCode())).rows()) {
                byIndicator.computeIfAbsent(row.indicator().code(), k -> new LinkedHashMap<>())
                        .put(s.regionName(), row.total());
            }
        }
        List<Total> totals = new ArrayList<>();
        for (CampaignStatistics.Indicator i : statistics.indicators()) {
            Map<String, BigDecimal> parts = byIndicator.getOrDefault(i.code(), Map.of());
            totals.add(new Total(i, parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), parts));
        }
        return new Combined(c, due, List.copyOf(subordinates), List.copyOf(totals), List.copyOf(others));
    }

    /** The combined report as one PDF: the cover with the totals and the states, then each submitted report. */
    public byte[] pdf(long campaignId, CurrentUser user) {
        Combined combined = combined(campaignId, user);
        List<byte[]> parts = new ArrayList<>();
        parts.add(cover(combined, user));
        for (Subordinate s : combined.subordinates()) {
            if (s.report() != null) {
                parts.add(reports.pdfOf(s.report().id(), user));
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document doc = new Document();
            PdfCopy copy = new PdfCopy(doc, out);
            doc.open();
            for (byte[] part : parts) {
                PdfReader reader = new PdfReader(part);
                for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                    copy.addPage(copy.getImportedPage(reader, p));
                }
                reader.close();
            }
            doc.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("无法生成汇总报告 (cannot write the combined report): " + e.getMessage(), e);
        }
    }

    private byte[] cover(Combined combined, CurrentUser user) {
        BaseFont base = ChineseFont.get();
        Font title = new Font(base, 20, Font.BOLD);
        Font heading = new Font(base, 14, Font.BOLD);
        Font body = new Font(base, 11);
        Font small = new Font(base, 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 60, 60, 60, 60);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(combined.campaign().name() + "工作总结汇总");
            doc.open();
            Paragraph who = new Paragraph(directory.bureauName(user.agencyCode(), user.region()), heading);
            who.setAlignment(Element.ALIGN_CENTER);
            doc.add(who);
            Paragraph t = new Paragraph(combined.campaign().name() + "工作总结汇总", title);
            t.setAlignment(Element.ALIGN_CENTER);
            t.setSpacingAfter(8);
            doc.add(t);
            Due due = combined.due();
            doc.add(new Paragraph("上报截止：" + due.due() + "（最后一个工作日 " + due.lastWorkingDay()
                    + (due.provisional() ? "，暂定：该年节假日安排尚未载入" : "") + "）；下级 "
                    + combined.subordinates().size() + " 个单位，已上报 " + combined.submitted() + " 个。汇总时间："
                    + LocalDate.now(clock) + "。", body));
            doc.add(new Paragraph("一、下级单位上报情况", heading));
            PdfPTable states = new PdfPTable(new float[] {4, 2, 3, 3});
            states.setWidthPercentage(100);
            for (String h : new String[] {"单位", "状态", "统计期间", "上报时间"}) {
                states.addCell(new Phrase(h, small));
            }
            for (Subordinate s : combined.subordinates()) {
                states.addCell(new Phrase(s.regionName(), small));
                states.addCell(new Phrase(s.state().label(), small));
                states.addCell(new Phrase(s.report() == null ? "—"
                        : s.report().periodFrom() + " 至 " + s.report().periodTo(), small));
                states.addCell(new Phrase(s.report() == null ? "—"
                        : s.report().submittedAt().atZone(CHINA).toLocalDate().toString(), small));
            }
            doc.add(states);
            doc.add(new Paragraph("二、情况统计表（已上报单位合计，各单位按其统计期间计）", heading));
            Map<String, String> agencies = directory.agencyShortNames();
            PdfPTable figures = new PdfPTable(new float[] {2, 6, 1.5f, 2});
            figures.setWidthPercentage(100);
            for (String h : new String[] {"部门", "指标", "单位", "合计"}) {
                figures.addCell(new Phrase(h, small));
            }
            for (Total total : combined.totals()) {
                figures.addCell(new Phrase(agencies.getOrDefault(total.indicator().agency(),
                        total.indicator().agency()), small));
                figures.addCell(new Phrase(total.indicator().label(), small));
                figures.addCell(new Phrase(total.indicator().unit(), small));
                figures.addCell(new Phrase(total.total().toPlainString(), small));
            }
            doc.add(figures);
            doc.add(new Paragraph("三、各单位工作总结（附后，按区划顺序）", heading));
            for (Subordinate s : combined.subordinates()) {
                if (s.report() != null) {
                    doc.add(new Paragraph(s.regionName(), body));
                }
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("无法生成汇总报告 (cannot write the combined report): " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
