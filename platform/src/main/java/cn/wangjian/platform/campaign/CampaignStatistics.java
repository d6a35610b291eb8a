package cn.wangjian.platform.campaign;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.casework.CaseMilestone;
import cn.wangjian.platform.casework.DecisionRevoked;
import cn.wangjian.platform.casework.PenaltyDecided;
import cn.wangjian.platform.casework.ViolationTypes;
import cn.wangjian.platform.credit.SubjectListed;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.monitoring.MonitoringRunFinished;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's statistics (专项行动情况统计表) as queries over recorded acts. Acts are recorded in the transaction
 * of what they count — a monitoring run that succeeded, a penalty decision (its revocation removes it), a subject
 * put on a credit list — or entered by an agency's own users for the indicators only they hold (CAC accounts
 * handled, customs seizures, …). Every figure of the table is a sum of acts, and each cell lists its acts.
 */
@Service
public class CampaignStatistics {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One indicator of the table, from {@code indicators.json}. */
    public record Indicator(String code, String agency, String label, String unit, String source, boolean byCategory,
                            String list) {
        public boolean amount() {
            return "万元".equals(unit);
        }

        public boolean entered() {
            return "entry".equals(source);
        }
    }

    /** One recorded act. */
    public record Act(long id, String indicator, String agencyCode, String regionCode, LocalDate occurredOn,
                      long quantity, String category, String sourceKind, String sourceId, String note,
                      String recordedBy) {
    }

    /** One row of the table: an indicator, its total, and (for those broken down) the totals by category. */
    public record Row(Indicator indicator, BigDecimal total, long acts, Map<String, BigDecimal> byCategory) {
    }

    /** The table for a period and a region's subtree, rows in the indicators' order, grouped by agency. */
    public record Table(LocalDate from, LocalDate to, String region, List<Row> rows) {
        public Map<String, List<Row>> byAgency() {
            Map<String, List<Row>> out = new LinkedHashMap<>();
            for (Row r : rows) {
                out.computeIfAbsent(r.indicator().agency(), k -> new ArrayList<>()).add(r);
            }
            return out;
        }
    }

    private final List<Indicator> indicators;
    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    CampaignStatistics(JdbcClient jdbc, Directory directory, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.indicators = load();
    }

    private static List<Indicator> load() {
        try (InputStream in = CampaignStatistics.class.getResourceAsStream("indicators.json")) {
            List<Indicator> out = new ArrayList<>();
            for (JsonNode n : JSON.readTree(in).path("indicators")) {
                out.add(new Indicator(n.path("code").asText(), n.path("agency").asText(), n.path("label").asText(),
                        n.path("unit").asText(), n.path("source").asText(), n.path("byCategory").asBoolean(false),
                        n.hasNonNull("list") ? n.path("list").asText() : null));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("indicators.json unreadable", e);
        }
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    public Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    @EventListener
    void on(MonitoringRunFinished run) {
        LocalDate day = LocalDate.ofInstant(run.finishedAt(), CHINA);
        record("ONLINE_CHECKS", run.agencyCode(), run.regionCode(), day, run.listingsChecked() + run.subjectsChecked(),
                null, "monitoring-run", Long.toString(run.runId()), null, "monitoring-run:" + run.taskId());
        record("MONITORING_RUNS", run.agencyCode(), run.regionCode(), day, 1, null, "monitoring-run",
                Long.toString(run.runId()), null, "monitoring-run:" + run.taskId());
    }

    @EventListener
    void on(PenaltyDecided d) {
        String category = ViolationTypes.of(d.sanction().violationType()).map(ViolationTypes.Type::campaignCategory)
                .orElse("其他");
        BigDecimal yuan = nz(d.sanction().fineYuan()).add(nz(d.sanction().confiscatedYuan()));
        record("PENALTY_DECISIONS", d.agencyCode(), d.regionCode(), d.decidedOn(), 1, category, "case",
                Long.toString(d.caseId()), d.decisionNo(), d.actor());
        record("FINES_CONFISCATIONS", d.agencyCode(), d.regionCode(), d.decidedOn(),
                yuan.movePointRight(2).longValueExact(), category, "case", Long.toString(d.caseId()), d.decisionNo(),
                d.actor());
        // the case's filing is counted by the violation type its decision found
        jdbc.sql("""
                UPDATE campaign_act SET category = ? WHERE indicator = 'CASES_FILED' AND source_kind = 'case-milestone'
                AND source_id = ?""").params(category, Long.toString(d.caseId())).update();
    }

    /** A clue verified (the case filed or not filed) counts as a clue handled; a filing as a case filed. */
    @EventListener
    void on(CaseMilestone m) {
        String source = Long.toString(m.caseId());
        switch (m.kind()) {
            case FILED -> {
                record("CLUES_HANDLED", m.agencyCode(), m.regionCode(), m.on(), 1, null, "case-milestone", source,
                        "立案 " + m.caseNo(), m.actor());
                record("CASES_FILED", m.agencyCode(), m.regionCode(), m.on(), 1, null, "case-milestone", source,
                        m.caseNo(), m.actor());
            }
            case NOT_FILED -> record("CLUES_HANDLED", m.agencyCode(), m.regionCode(), m.on(), 1, null,
                    "case-milestone", source, "不予立案", m.actor());
            case TRANSFERRED_TO_POLICE -> record("CRIMINAL_TRANSFERS", m.agencyCode(), m.regionCode(), m.on(), 1,
                    null, "case-milestone", source, m.caseNo(), m.actor());
        }
    }

    @EventListener
    void on(DecisionRevoked r) {
        jdbc.sql("DELETE FROM campaign_act WHERE source_kind = 'case' AND source_id = ?")
                .param(Long.toString(r.caseId())).update();
        jdbc.sql("""
                UPDATE campaign_act SET category = NULL WHERE indicator = 'CASES_FILED' AND source_kind = 'case-milestone'
                AND source_id = ?""").param(Long.toString(r.caseId())).update();
    }

    /** A notice to a platform proven carried out: a takedown counts its listings, the others one shop each. */
    @EventListener
    void on(cn.wangjian.platform.notice.PlatformNoticeProven p) {
        indicators.stream().filter(i -> "notice".equals(i.source()) && i.list() != null
                        && java.util.Arrays.asList(i.list().split(",")).contains(p.kind().name()))
                .forEach(i -> record(i.code(), p.agencyCode(), p.regionCode(), p.day(), p.quantity(), null, "notice",
                        Long.toString(p.noticeId()), p.noticeNo() + " " + p.platformCode() + "/" + p.shopId(),
                        p.actor()));
    }

    @EventListener
    void on(SubjectListed s) {
        indicators.stream().filter(i -> "credit-list".equals(i.source()) && s.kind().name().equals(i.list()))
                .forEach(i -> record(i.code(), s.agencyCode(), s.regionCode(), LocalDate.now(clock), 1, null,
                        "credit-list", s.creditCode(), s.kind().label(), s.actor()));
    }

    /** An on-site inspection recorded by {@link FieldRecords}, in its transaction. */
    void recordInspection(long id, String agency, String region, LocalDate day, String subject, String actor) {
        record("ON_SITE_CHECKS", agency, region, day, 1, null, "inspection", Long.toString(id), subject, actor);
    }

    /** An interview of a platform (约谈) recorded by {@link FieldRecords}, in its transaction. */
    void recordInterview(long id, String agency, String region, LocalDate day, String subject, String actor) {
        record("PLATFORM_INTERVIEWS", agency, region, day, 1, null, "guidance", Long.toString(id), subject, actor);
    }

    /** A sampling result recorded by {@link Sampling}, in its transaction: one batch of the indicator. */
    void recordSampling(String indicator, long sampleId, String agency, String region, LocalDate day, String product,
                        String actor) {
        record(indicator, agency, region, day, 1, null, "sampling", Long.toString(sampleId), product, actor);
    }

    private void record(String indicator, String agency, String region, LocalDate day, long quantity, String category,
                        String sourceKind, String sourceId, String note, String actor) {
        jdbc.sql("""
                INSERT INTO campaign_act (indicator, agency_code, region_code, occurred_on, quantity, category,
                                          source_kind, source_id, note, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (indicator, source_kind, source_id, occurred_on) DO NOTHING""")
                .params(indicator, agency, region, Date.valueOf(day), quantity, category, sourceKind, sourceId, note,
                        actor, Timestamp.from(clock.instant())).update();
    }

    /**
     * An agency's user enters a count that only their agency holds (an indicator whose source is an entry), for a
     * region in their subtree and a day not in the future.
     */
    @Transactional
    public Act enter(String indicatorCode, String regionCode, LocalDate day, long quantity, String note,
                     CurrentUser user) {
        Entry e = checkedEntry(indicatorCode, regionCode, day, quantity, note, user);
        String entryId = java.util.UUID.randomUUID().toString();
        recordEntry(e, entryId, user);
        audit.record(user.getUsername(), "campaign.act-entered", "campaign_act", entryId, null,
                Map.of("indicator", e.indicator().code(), "region", e.regionCode(), "day", e.day().toString(),
                        "quantity", e.quantity()));
        return jdbc.sql(ACT + " WHERE source_kind = 'entry' AND source_id = ?").param(entryId)
                .query((rs, n) -> act(rs)).single();
    }

    /** A count checked for entry: the agency's own indicator, a region of the user's subtree, a past day. */
    record Entry(Indicator indicator, String regionCode, LocalDate day, long quantity, String note) {
    }

    /** Checks one entry; a refusal names the field. */
    Entry checkedEntry(String indicatorCode, String regionCode, LocalDate day, long quantity, String note,
                       CurrentUser user) {
        Indicator i = indicator(indicatorCode).or(() -> indicators.stream()
                        .filter(x -> x.label().equals(indicatorCode)).findFirst())
                .orElseThrow(() -> new CampaignRefusedException(
                        "字段 indicator：没有这个统计指标 " + indicatorCode + " (no such indicator)"));
        if (!i.entered()) {
            throw new CampaignRefusedException("字段 indicator：" + i.label() + " 由系统按记录统计，不能手工填报"
                    + " (counted from the records)");
        }
        if (user.agencyCode() == null || !user.agencyCode().equals(i.agency())) {
            throw new CampaignRefusedException("字段 indicator：" + i.label() + " 由" + directory.agency(i.agency())
                    .map(cn.wangjian.platform.identity.Agency::shortName).orElse(i.agency()) + "部门填报"
                    + " (another agency's indicator)");
        }
        if (regionCode == null || directory.region(regionCode).isEmpty()) {
            throw new CampaignRefusedException("字段 region：没有这个行政区划 " + regionCode + " (no such region)");
        }
        if (!user.region().contains(new RegionCode(regionCode))) {
            throw new CampaignRefusedException("字段 region：" + regionCode + " 不在您的辖区内 (outside your region)");
        }
        if (day == null || day.isAfter(LocalDate.now(clock))) {
            throw new CampaignRefusedException("字段 day：请给出不晚于今天的日期 (a day not in the future)");
        }
        if (quantity < 0 || quantity > 100_000_000) {
            throw new CampaignRefusedException("字段 quantity：数量为 0 至 1 亿 (quantity out of range)");
        }
        return new Entry(i, regionCode, day, quantity, Fields.required(note, "note", "依据", 1000));
    }

    /** Records a checked entry as an act of the indicator's agency. */
    void recordEntry(Entry e, String entryId, CurrentUser user) {
        record(e.indicator().code(), e.indicator().agency(), e.regionCode(), e.day(), e.quantity(), null, "entry",
                entryId, e.note(), user.getUsername());
    }

    /** The table for [from, to] and the region's subtree (every agency's rows: the table is the campaign's). */
    public Table table(LocalDate from, LocalDate to, RegionCode region) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new CampaignRefusedException("字段 from/to：请给出起止日期，结束不早于开始 (a period is needed)");
        }
        Map<String, BigDecimal> totals = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        Map<String, Map<String, BigDecimal>> categories = new HashMap<>();
        jdbc.sql("""
                SELECT indicator, category, sum(quantity), count(*) FROM campaign_act
                WHERE occurred_on BETWEEN ? AND ? AND region_code LIKE ? GROUP BY indicator, category""")
                .params(Date.valueOf(from), Date.valueOf(to), region.subtreePrefix() + "%").query(rs -> {
                    String code = rs.getString(1);
                    BigDecimal q = scaled(code, rs.getLong(3));
                    totals.merge(code, q, BigDecimal::add);
                    counts.merge(code, rs.getLong(4), Long::sum);
                    if (rs.getString(2) != null) {
                        categories.computeIfAbsent(code, k -> new LinkedHashMap<>()).merge(rs.getString(2), q,
                                BigDecimal::add);
                    }
                });
        List<Row> rows = new ArrayList<>();
        for (Indicator i : indicators) {
            rows.add(new Row(i, totals.getOrDefault(i.code(), BigDecimal.ZERO), counts.getOrDefault(i.code(), 0L),
                    i.byCategory() ? new java.util.TreeMap<>(categories.getOrDefault(i.code(), Map.of()))
                            : Map.of()));
        }
        return new Table(from, to, region.value(), List.copyOf(rows));
    }

    /** One indicator's figures split three ways, for the charts: by child region, by violation category, by week. */
    public record Breakdown(String indicator, Map<String, BigDecimal> byRegion, Map<String, BigDecimal> byCategory,
                            Map<String, BigDecimal> byWeek) {
    }

    /**
     * The indicator in [from, to] under {@code region}: summed per child region of it (named; acts recorded at the
     * region itself count as "本级"), per category, and per week (the Monday that starts it).
     */
    public Breakdown breakdown(String indicator, LocalDate from, LocalDate to, RegionCode region) {
        List<cn.wangjian.platform.identity.Region> children = directory.children(region);
        Map<String, BigDecimal> byRegion = new LinkedHashMap<>();
        for (cn.wangjian.platform.identity.Region c : children) {
            byRegion.put(c.name(), BigDecimal.ZERO);
        }
        Map<String, BigDecimal> byCategory = new java.util.TreeMap<>();
        Map<String, BigDecimal> byWeek = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT region_code, category, date_trunc('week', occurred_on)::date, sum(quantity) FROM campaign_act
                WHERE indicator = ? AND occurred_on BETWEEN ? AND ? AND region_code LIKE ?
                GROUP BY region_code, category, date_trunc('week', occurred_on)""")
                .params(indicator, Date.valueOf(from), Date.valueOf(to), region.subtreePrefix() + "%").query(rs -> {
                    BigDecimal q = scaled(indicator, rs.getLong(4));
                    RegionCode code = new RegionCode(rs.getString(1));
                    String child = children.stream().filter(c -> c.code().contains(code)).map(
                            cn.wangjian.platform.identity.Region::name).findFirst().orElse("本级");
                    byRegion.merge(child, q, BigDecimal::add);
                    if (rs.getString(2) != null) {
                        byCategory.merge(rs.getString(2), q, BigDecimal::add);
                    }
                    byWeek.merge(rs.getDate(3).toLocalDate().toString(), q, BigDecimal::add);
                });
        return new Breakdown(indicator, byRegion, byCategory, byWeek);
    }

    /** The acts behind one cell: an indicator (and category) in [from, to] and the region's subtree. */
    public List<Act> acts(String indicator, String category, LocalDate from, LocalDate to, RegionCode region) {
        return jdbc.sql(ACT + " WHERE indicator = ? AND (CAST(? AS TEXT) IS NULL OR category = ?)"
                        + " AND occurred_on BETWEEN ? AND ? AND region_code LIKE ? ORDER BY occurred_on, id LIMIT 5000")
                .params(indicator, category, category, Date.valueOf(from), Date.valueOf(to),
                        region.subtreePrefix() + "%").query((rs, n) -> act(rs)).list();
    }

    private BigDecimal scaled(String code, long quantity) {
        boolean amount = indicator(code).map(Indicator::amount).orElse(false);
        // 万元 from cents: two places to yuan, four more to ten thousand yuan
        if (!amount) {
            return BigDecimal.valueOf(quantity);
        }
        BigDecimal v = BigDecimal.valueOf(quantity).movePointLeft(6).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;             // 29.000000 as 29, and 30 not as 3E+1
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }

    private static final String ACT = """
            SELECT id, indicator, agency_code, region_code, occurred_on, quantity, category, source_kind, source_id,
                   note, recorded_by FROM campaign_act""";

    private static Act act(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Act(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
    }
}
