package cn.wangjian.platform.campaign;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.registry.Registry;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sampling of goods sold online (网络商品质量抽检、网络食品抽检): a bureau's plan for a key period and key goods, the
 * samples bought online (platform, shop, listing, order), their test results, each unqualified result turned into
 * a clue of the bureau, and the results published on the public side. A result counts in the campaign's table
 * (batches sampled, batches unqualified) as acts written in its transaction.
 */
@Service
public class Sampling {

    /** Product-quality or food sampling: who may plan it and the indicators its results count under. */
    public enum Kind {
        PRODUCT("产品质量抽检", Set.of("QUALITY", "SAMR"), "QUALITY_SAMPLES", "QUALITY_SAMPLES_FAILED"),
        FOOD("食品安全抽检", Set.of("FOODDRUG", "SAMR"), "FOOD_SAMPLES", "FOOD_SAMPLES_FAILED");

        private final String label;
        private final Set<String> agencies;
        private final String sampledIndicator;
        private final String failedIndicator;

        Kind(String label, Set<String> agencies, String sampledIndicator, String failedIndicator) {
            this.label = label;
            this.agencies = agencies;
            this.sampledIndicator = sampledIndicator;
            this.failedIndicator = failedIndicator;
        }

        public String label() {
            return label;
        }

        /** The 2017 plan gives sampling to quality inspection and food and drug; since 2018 both are in SAMR. */
        public boolean plannedBy(String agency) {
            return agencies.contains(agency);
        }
    }

    public record NewPlan(Kind kind, String title, String keyPeriod, String goods, LocalDate startsOn,
                          LocalDate endsOn, Integer plannedBatches) {
    }

    public record Plan(long id, Kind kind, String title, String keyPeriod, String goods, LocalDate startsOn,
                       LocalDate endsOn, int plannedBatches, String agencyCode, String regionCode, Progress progress) {
    }

    /** How far a plan has come: samples bought, tested, unqualified, published. */
    public record Progress(long samples, long tested, long unqualified, long published) {
    }

    /** Where and how a sample was bought. */
    public record Purchase(String platformCode, String shopId, String listingId, String orderNo, LocalDate boughtOn,
                           long priceCents) {
        public BigDecimal priceYuan() {
            return BigDecimal.valueOf(priceCents, 2);
        }
    }

    public record NewSample(String sampleNo, String productName, String platformCode, String shopId,
                            String listingId, String orderNo, LocalDate boughtOn, BigDecimal priceYuan,
                            String subjectName) {
    }

    /** A test result: qualified, or unqualified with the items that failed (项目、标准要求、实测值). */
    public record Result(LocalDate testedOn, String lab, String reportNo, boolean qualified, List<String> failedItems) {
    }

    public record Sample(long id, long planId, String sampleNo, String productName, Purchase purchase,
                         String subjectName, String operatorCreditCode, Result result, Long clueId,
                         LocalDate publishedOn) {
        public boolean tested() {
            return result != null;
        }
    }

    /** A result as the public side shows it. */
    public record PublishedResult(long sampleId, Kind kind, String planTitle, String keyPeriod, String productName,
                                  String platformName, String shopId, String subjectName, String operatorCreditCode,
                                  Result result, String authority, LocalDate publishedOn) {
    }

    private static final int MAX_FAILED_ITEMS = 50;

    private final JdbcClient jdbc;
    private final CampaignStatistics statistics;
    private final ClueRegister clues;
    private final Registry registry;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    Sampling(JdbcClient jdbc, CampaignStatistics statistics, ClueRegister clues, Registry registry,
             Directory directory, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.statistics = statistics;
        this.clues = clues;
        this.registry = registry;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** A plan of the user's bureau; product sampling by quality inspection or SAMR, food by food and drug or SAMR. */
    @Transactional
    public Plan plan(NewPlan n, CurrentUser user) {
        if (user.agencyCode() == null) {
            throw new CampaignRefusedException("只有监管部门用户可以制定抽检计划 (agency users only)");
        }
        if (n.kind() == null) {
            throw new CampaignRefusedException("字段 kind：请选择产品质量抽检或食品安全抽检 (a kind is needed)");
        }
        if (!n.kind().plannedBy(user.agencyCode())) {
            throw new CampaignRefusedException("字段 kind：" + n.kind().label() + "不由本部门承担"
                    + " (this agency does not carry out " + n.kind().name().toLowerCase(java.util.Locale.ROOT) + " sampling)");
        }
        String title = Fields.required(n.title(), "title", "计划名称", 200);
        String period = Fields.required(n.keyPeriod(), "keyPeriod", "重点时段", 100);
        String goods = Fields.required(n.goods(), "goods", "重点商品", 1000);
        if (n.startsOn() == null || n.endsOn() == null || n.endsOn().isBefore(n.startsOn())) {
            throw new CampaignRefusedException("字段 startsOn/endsOn：请给出起止日期，结束不早于开始 (a period is needed)");
        }
        if (n.plannedBatches() == null || n.plannedBatches() < 1 || n.plannedBatches() > 100_000) {
            throw new CampaignRefusedException("字段 plannedBatches：计划批次为 1 至 100000 (batches out of range)");
        }
        boolean taken = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM campaign_sampling_plan WHERE agency_code = ? AND region_code = ?
                AND title = ?)""").params(user.agencyCode(), user.region().value(), title).query(Boolean.class).single();
        if (taken) {
            throw new CampaignRefusedException("字段 title：本单位已有名为“" + title + "”的抽检计划 (a plan of that title exists)");
        }
        long id = jdbc.sql("""
                INSERT INTO campaign_sampling_plan (kind, title, key_period, goods, starts_on, ends_on, planned_batches,
                                                    agency_code, region_code, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(n.kind().name(), title, period, goods, Date.valueOf(n.startsOn()), Date.valueOf(n.endsOn()),
                        n.plannedBatches(), user.agencyCode(), user.region().value(), user.getUsername(),
                        Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(user.getUsername(), "campaign.sampling-planned", "campaign_sampling_plan", Long.toString(id), null,
                Map.of("kind", n.kind().name(), "title", title));
        return plan(id, user.dataScope()).orElseThrow();
    }

    /**
     * A sample bought online under a plan: bought within the plan's period, from a platform the registry knows;
     * the shop's operator is taken from the registry when the shop is known, otherwise named by the user. One
     * order is one sample.
     */
    @Transactional
    public Sample addSample(long planId, NewSample n, CurrentUser user) {
        Plan plan = plan(planId, user.dataScope())
                .orElseThrow(() -> new CampaignRefusedException("没有这个抽检计划 (no such plan): " + planId));
        String sampleNo = Fields.required(n.sampleNo(), "sampleNo", "样品编号", 60);
        String product = Fields.required(n.productName(), "productName", "样品名称", 200);
        String platform = Fields.required(n.platformCode(), "platformCode", "平台", 60);
        if (registry.platformName(platform).isEmpty()) {
            throw new CampaignRefusedException("字段 platformCode：没有这个平台 " + platform + " (no such platform)");
        }
        String shopId = Fields.required(n.shopId(), "shopId", "店铺编号", 100);
        String listing = n.listingId() == null || n.listingId().isBlank() ? null
                : Fields.required(n.listingId(), "listingId", "商品编号", 100);
        String order = Fields.required(n.orderNo(), "orderNo", "订单号", 100);
        LocalDate bought = n.boughtOn();
        if (bought == null || bought.isBefore(plan.startsOn()) || bought.isAfter(plan.endsOn())
                || bought.isAfter(LocalDate.now(clock))) {
            throw new CampaignRefusedException("字段 boughtOn：购样日期须在计划期间 " + plan.startsOn() + " 至 "
                    + plan.endsOn() + " 内且不晚于今天 (bought within the plan's period)");
        }
        if (n.priceYuan() == null || n.priceYuan().signum() < 0 || n.priceYuan().scale() > 2
                || n.priceYuan().compareTo(new BigDecimal("10000000")) > 0) {
            throw new CampaignRefusedException("字段 priceYuan：购样金额为 0 至 1000 万元，至多两位小数 (price out of range)");
        }
        var shop = registry.shop(platform, shopId);
        String code = shop.map(Registry.Shop::operatorCreditCode).orElse(null);
        String subject;
        if (n.subjectName() != null && !n.subjectName().isBlank()) {
            subject = Fields.required(n.subjectName(), "subjectName", "被抽样经营者", 200);
        } else if (shop.isPresent()) {
            subject = Optional.ofNullable(code).flatMap(registry::enterprise).map(Registry.Enterprise::name)
                    .orElse(shop.get().shopName());
        } else {
            throw new CampaignRefusedException("字段 subjectName：店铺 " + shopId + " 不在主体库中，请填写被抽样经营者名称"
                    + " (the shop is unknown: name its operator)");
        }
        Long sameOrder = jdbc.sql("SELECT id FROM campaign_sample WHERE platform_code = ? AND order_no = ?")
                .params(platform, order).query(Long.class).optional().orElse(null);
        if (sameOrder != null) {
            throw new CampaignRefusedException("字段 orderNo：订单 " + order + " 已登记为样品 " + sameOrder
                    + " (the order is already a sample)");
        }
        boolean numbered = jdbc.sql("SELECT EXISTS (SELECT 1 FROM campaign_sample WHERE plan_id = ? AND sample_no = ?)")
                .params(planId, sampleNo).query(Boolean.class).single();
        if (numbered) {
            throw new CampaignRefusedException("字段 sampleNo：本计划已有样品编号 " + sampleNo + " (a duplicate sample number)");
        }
        long id = jdbc.sql("""
                INSERT INTO campaign_sample (plan_id, sample_no, product_name, platform_code, shop_id, listing_id,
                    order_no, bought_on, price_cents, subject_name, operator_credit_code, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(planId, sampleNo, product, platform, shopId, listing, order, Date.valueOf(bought),
                        n.priceYuan().movePointRight(2).longValueExact(), subject, code, user.getUsername(),
                        Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(user.getUsername(), "campaign.sample-bought", "campaign_sample", Long.toString(id), null,
                Map.of("plan", planId, "sampleNo", sampleNo, "order", order));
        return sample(id, user.dataScope()).orElseThrow();
    }

    /**
     * The test result of a sample, recorded once. It counts as one batch sampled; an unqualified one also as one
     * batch unqualified, and becomes a clue of the bureau naming the operator, the purchase and the failed items.
     */
    @Transactional
    public Sample recordResult(long sampleId, Result r, CurrentUser user) {
        Sample s = sample(sampleId, user.dataScope())
                .orElseThrow(() -> new CampaignRefusedException("没有这个样品 (no such sample): " + sampleId));
        if (s.tested()) {
            throw new CampaignRefusedException("样品 " + s.sampleNo() + " 已有检验结果 (the result is already recorded)");
        }
        Plan plan = plan(s.planId(), user.dataScope()).orElseThrow();
        if (r.testedOn() == null || r.testedOn().isBefore(s.purchase().boughtOn())
                || r.testedOn().isAfter(LocalDate.now(clock))) {
            throw new CampaignRefusedException("字段 testedOn：检验日期不早于购样日期 " + s.purchase().boughtOn()
                    + "、不晚于今天 (tested after purchase, not in the future)");
        }
        String lab = Fields.required(r.lab(), "lab", "检验机构", 200);
        String reportNo = Fields.required(r.reportNo(), "reportNo", "检验报告编号", 100);
        List<String> items = new ArrayList<>();
        for (String item : r.failedItems() == null ? List.<String>of() : r.failedItems()) {
            if (item != null && !item.isBlank()) {
                items.add(Fields.required(item, "failedItems", "不合格项目", 300));
            }
        }
        if (r.qualified() && !items.isEmpty()) {
            throw new CampaignRefusedException("字段 failedItems：合格样品不应有不合格项目 (a qualified sample has no failed items)");
        }
        if (!r.qualified() && items.isEmpty()) {
            throw new CampaignRefusedException("字段 failedItems：不合格样品请逐行写明不合格项目 (name the failed items)");
        }
        if (items.size() > MAX_FAILED_ITEMS) {
            throw new CampaignRefusedException("字段 failedItems：不合格项目至多 " + MAX_FAILED_ITEMS + " 项 (too many items)");
        }
        Long clueId = null;
        if (!r.qualified()) {
            String description = String.format("%s“%s”（%s）抽检不合格。样品编号 %s，样品名称 %s；购样平台 %s，店铺 %s%s，"
                            + "订单号 %s，购样日期 %s，金额 %s 元。检验机构 %s，检验报告 %s（%s）。不合格项目：%s。",
                    plan.kind().label(), plan.title(), plan.keyPeriod(), s.sampleNo(), s.productName(),
                    registry.platformName(s.purchase().platformCode()).orElse(s.purchase().platformCode()),
                    s.purchase().shopId(), s.purchase().listingId() == null ? "" : "，商品 " + s.purchase().listingId(),
                    s.purchase().orderNo(), s.purchase().boughtOn(), s.purchase().priceYuan().toPlainString(), lab,
                    reportNo, r.testedOn(), String.join("；", items));
            String title = "网络抽检不合格：" + s.productName();
            clueId = clues.register(new NewClue(title.length() > 200 ? title.substring(0, 200) : title,
                    ClueSource.MONITORING, s.subjectName(), s.operatorCreditCode(), description), user).id();
        }
        jdbc.sql("""
                UPDATE campaign_sample SET tested_on = ?, lab = ?, report_no = ?, qualified = ?, failed_items = ?,
                    result_by = ?, result_at = ?, clue_id = ? WHERE id = ? AND tested_on IS NULL""")
                .params(Date.valueOf(r.testedOn()), lab, reportNo, r.qualified(),
                        r.qualified() ? null : items.toArray(String[]::new), user.getUsername(),
                        Timestamp.from(clock.instant()), clueId, sampleId).update();
        statistics.recordSampling(plan.kind().sampledIndicator, sampleId, plan.agencyCode(), plan.regionCode(),
                r.testedOn(), s.productName(), user.getUsername());
        if (!r.qualified()) {
            statistics.recordSampling(plan.kind().failedIndicator, sampleId, plan.agencyCode(), plan.regionCode(),
                    r.testedOn(), s.productName(), user.getUsername());
        }
        audit.record(user.getUsername(), "campaign.sample-tested", "campaign_sample", Long.toString(sampleId), null,
                Map.of("qualified", r.qualified(), "reportNo", reportNo));
        return sample(sampleId, user.dataScope()).orElseThrow();
    }

    /** Publishes every tested, not yet published result of the plan; returns how many were published. */
    @Transactional
    public int publish(long planId, CurrentUser user) {
        Plan plan = plan(planId, user.dataScope())
                .orElseThrow(() -> new CampaignRefusedException("没有这个抽检计划 (no such plan): " + planId));
        int n = jdbc.sql("""
                UPDATE campaign_sample SET published_on = ?, published_by = ?
                WHERE plan_id = ? AND tested_on IS NOT NULL AND published_on IS NULL""")
                .params(Date.valueOf(LocalDate.now(clock)), user.getUsername(), plan.id()).update();
        if (n == 0) {
            throw new CampaignRefusedException("本计划没有待公布的检验结果 (no result to publish)");
        }
        audit.record(user.getUsername(), "campaign.sampling-published", "campaign_sampling_plan", Long.toString(planId),
                null, Map.of("results", n));
        return n;
    }

    public List<Plan> plans(DataScope scope) {
        return jdbc.sql(PLAN + " WHERE " + scope.sqlCondition("p.agency_code", "p.region_code")
                + " ORDER BY p.starts_on DESC, p.id DESC LIMIT 200").params(scope.sqlParameters())
                .query((rs, n) -> plan(rs)).list();
    }

    public Optional<Plan> plan(long id, DataScope scope) {
        Map<String, Object> p = new HashMap<>(scope.sqlParameters());
        p.put("id", id);
        return jdbc.sql(PLAN + " WHERE p.id = :id AND " + scope.sqlCondition("p.agency_code", "p.region_code"))
                .params(p).query((rs, n) -> plan(rs)).optional();
    }

    public List<Sample> samples(long planId, DataScope scope) {
        Map<String, Object> p = new HashMap<>(scope.sqlParameters());
        p.put("plan", planId);
        return jdbc.sql(SAMPLE + " WHERE s.plan_id = :plan AND " + scope.sqlCondition("p.agency_code", "p.region_code")
                + " ORDER BY s.id").params(p).query((rs, n) -> sample(rs)).list();
    }

    public Optional<Sample> sample(long id, DataScope scope) {
        Map<String, Object> p = new HashMap<>(scope.sqlParameters());
        p.put("id", id);
        return jdbc.sql(SAMPLE + " WHERE s.id = :id AND " + scope.sqlCondition("p.agency_code", "p.region_code"))
                .params(p).query((rs, n) -> sample(rs)).optional();
    }

    /** Published results, newest first, optionally only those whose product, operator or shop contains the query. */
    public List<PublishedResult> published(String query, boolean unqualifiedOnly, int limit) {
        String q = query == null || query.isBlank() ? null : "%" + query.strip().replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                SELECT s.id, p.kind, p.title, p.key_period, s.product_name, s.platform_code, s.shop_id, s.subject_name,
                       s.operator_credit_code, s.tested_on, s.lab, s.report_no, s.qualified, s.failed_items,
                       p.agency_code, p.region_code, s.published_on
                FROM campaign_sample s JOIN campaign_sampling_plan p ON p.id = s.plan_id
                WHERE s.published_on IS NOT NULL AND (NOT ? OR s.qualified = false)
                  AND (CAST(? AS TEXT) IS NULL OR s.product_name LIKE ? OR s.subject_name LIKE ? OR s.shop_id LIKE ?)
                ORDER BY s.published_on DESC, s.id DESC LIMIT ?""")
                .params(unqualifiedOnly, q, q, q, q, Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> new PublishedResult(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), registry.platformName(rs.getString(6)).orElse(rs.getString(6)),
                        rs.getString(7), rs.getString(8), rs.getString(9),
                        new Result(rs.getDate(10).toLocalDate(), rs.getString(11), rs.getString(12),
                                rs.getBoolean(13), items(rs.getArray(14))),
                        directory.bureauName(rs.getString(15), new RegionCode(rs.getString(16))),
                        rs.getDate(17).toLocalDate())).list();
    }

    private static final String PLAN = """
            SELECT p.id, p.kind, p.title, p.key_period, p.goods, p.starts_on, p.ends_on, p.planned_batches,
                   p.agency_code, p.region_code,
                   (SELECT count(*) FROM campaign_sample s WHERE s.plan_id = p.id),
                   (SELECT count(*) FROM campaign_sample s WHERE s.plan_id = p.id AND s.tested_on IS NOT NULL),
                   (SELECT count(*) FROM campaign_sample s WHERE s.plan_id = p.id AND s.qualified = false),
                   (SELECT count(*) FROM campaign_sample s WHERE s.plan_id = p.id AND s.published_on IS NOT NULL)
            FROM campaign_sampling_plan p""";

    private static Plan plan(ResultSet rs) throws SQLException {
        return new Plan(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), rs.getInt(8),
                rs.getString(9), rs.getString(10),
                new Progress(rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14)));
    }

    private static final String SAMPLE = """
            SELECT s.id, s.plan_id, s.sample_no, s.product_name, s.platform_code, s.shop_id, s.listing_id, s.order_no,
                   s.bought_on, s.price_cents, s.subject_name, s.operator_credit_code, s.tested_on, s.lab, s.report_no,
                   s.qualified, s.failed_items, s.clue_id, s.published_on
            FROM campaign_sample s JOIN campaign_sampling_plan p ON p.id = s.plan_id""";

    private static Sample sample(ResultSet rs) throws SQLException {
        Purchase purchase = new Purchase(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getDate(9).toLocalDate(), rs.getLong(10));
        Result result = rs.getDate(13) == null ? null : new Result(rs.getDate(13).toLocalDate(), rs.getString(14),
                rs.getString(15), rs.getBoolean(16), items(rs.getArray(17)));
        long clue = rs.getLong(18);
        Long clueId = rs.wasNull() ? null : clue;
        Date published = rs.getDate(19);
        return new Sample(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), purchase, rs.getString(11),
                rs.getString(12), result, clueId, published == null ? null : published.toLocalDate());
    }

    private static List<String> items(java.sql.Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add((String) o);
        }
        return List.copyOf(out);
    }
}
