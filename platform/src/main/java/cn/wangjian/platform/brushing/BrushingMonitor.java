package cn.wangjian.platform.brushing;

import cn.wangjian.engine.brushing.Order;
import cn.wangjian.engine.brushing.OrderMarket;
import cn.wangjian.engine.brushing.ParcelChecks;
import cn.wangjian.engine.brushing.ReviewChecks;
import cn.wangjian.engine.brushing.RingDetector;
import cn.wangjian.engine.brushing.Signal;
import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.clue.Clue;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.evidence.Capture;
import cn.wangjian.platform.evidence.Evidence;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.registry.Registry;
import cn.wangjian.platform.trade.TradeData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brushing monitoring (刷单炒信监测): runs the ring detector over a platform's reported orders in a window, with the
 * parameters in force, and keeps each ring as a reviewable finding owned by the running officer's bureau; an
 * officer confirms a ring — its order extract is fixed in the evidence register and a clue is registered with it —
 * or dismisses it with a reason. A rerun over the same data finds the same rings and adds none.
 */
@Service
public class BrushingMonitor {

    static final int MAX_WINDOW_DAYS = 92;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final TradeData trade;
    private final Registry registry;
    private final Evidence evidence;
    private final ClueRegister clues;
    private final AuditLog audit;
    private final Clock clock;

    BrushingMonitor(JdbcClient jdbc, TradeData trade, Registry registry, Evidence evidence, ClueRegister clues,
                    AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.trade = trade;
        this.registry = registry;
        this.evidence = evidence;
        this.clues = clues;
        this.audit = audit;
        this.clock = clock;
    }

    /** The detector's parameters, one version. */
    public record Parameters(int version, RingDetector.Config ring, ParcelChecks.Config parcels,
                             ReviewChecks.Config reviews, String note) {
    }

    /** The latest version: the one a new run uses. */
    public Parameters parameters() {
        return parameters(jdbc.sql("SELECT max(version) FROM brushing_parameters").query(Integer.class).single());
    }

    /** One version, as an earlier run used it (a version's JSON lacks the fields added after it: they are off). */
    public Parameters parameters(int version) {
        return jdbc.sql("SELECT version, ring::text, parcels::text, reviews::text, note FROM brushing_parameters"
                        + " WHERE version = ?").param(version)
                .query((rs, n) -> {
                    try {
                        return new Parameters(rs.getInt(1), JSON.readValue(rs.getString(2), RingDetector.Config.class),
                                JSON.readValue(rs.getString(3), ParcelChecks.Config.class),
                                JSON.readValue(rs.getString(4), ReviewChecks.Config.class), rs.getString(5));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("刷单监测参数无法读取 (parameters unreadable): " + e.getMessage(), e);
                    }
                }).single();
    }

    /** What a run did. */
    public record Run(long id, String platformCode, LocalDate from, LocalDate to, int parameters, int orders, int rings,
                      int newRings) {
    }

    /** Runs the detector over {@code platform}'s orders placed from {@code from} to {@code to} (whole days, China). */
    @Transactional
    public Run run(String platform, LocalDate from, LocalDate to, CurrentUser officer) {
        return run(platform, null, from, to, officer);
    }

    /**
     * Runs the detector over {@code platform}'s orders placed from {@code from} to {@code to} (whole days, China), at
     * the shops with listings in {@code category} when one is given.
     */
    @Transactional
    public Run run(String platform, String category, LocalDate from, LocalDate to, CurrentUser officer) {
        if (officer.agencyCode() == null) {
            throw new BrushingRefusedException("只有监管部门用户可以运行刷单监测 (only agency users run brushing monitoring)");
        }
        return analyse(new Window(platform, category, from, to),
                new Owner(officer.agencyCode(), officer.region().value(), officer.getUsername()), null);
    }

    /** What a run analyses: a platform's orders in whole days, optionally of one category's shops only. */
    record Window(String platform, String category, LocalDate from, LocalDate to) {
    }

    /** Who a run's rings belong to, and who (an officer or a standing task) ran it. */
    record Owner(String agency, String region, String actor) {
    }

    /** Checks the window and runs the detector over it; {@code task} is the standing task that asked, if any. */
    @Transactional
    Run analyse(Window w, Owner owner, Long task) {
        String platform = w.platform();
        LocalDate from = w.from();
        LocalDate to = w.to();
        if (registry.platformName(platform).isEmpty()) {
            throw new BrushingRefusedException("字段 platform：没有这个平台 " + platform + " (no such platform)");
        }
        LocalDate today = LocalDate.now(clock);
        if (from == null || to == null || to.isBefore(from)) {
            throw new BrushingRefusedException("字段 from/to：请给出起止日期，结束不早于开始 (a window is needed)");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_WINDOW_DAYS) {
            throw new BrushingRefusedException("字段 to：一次最多分析 " + MAX_WINDOW_DAYS + " 天 (window too long)");
        }
        if (to.isAfter(today)) {
            throw new BrushingRefusedException("字段 to：结束日期晚于今天 (window in the future)");
        }
        String category = w.category() == null || w.category().isBlank() ? null : w.category().strip();
        java.util.Set<String> shops = category == null ? null : registry.shopsSelling(platform, category);
        if (shops != null && shops.isEmpty()) {
            throw new BrushingRefusedException("字段 category：该平台没有这个类目的商品 " + category
                    + " (no listings in this category)");
        }
        Instant started = clock.instant();
        Parameters p = parameters();
        Instant start = from.atStartOfDay(CHINA).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(CHINA).toInstant();
        List<Order> orders = new ArrayList<>();
        trade.orders(platform, start, end, shops == null ? orders::add : o -> {
            if (shops.contains(o.shop())) {
                orders.add(o);
            }
        });
        long runId = jdbc.sql("""
                INSERT INTO brushing_run (platform_code, category, window_from, window_to, parameters, orders, rings,
                                          new_rings, owner_agency, owner_region, run_by, task_id, started_at,
                                          finished_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(platform, category, from, to, p.version(), orders.size(), owner.agency(), owner.region(),
                        owner.actor(), task, Timestamp.from(started), Timestamp.from(started))
                .query(Long.class).single();
        int found = 0;
        int added = 0;
        if (!orders.isEmpty()) {
            var parcels = trade.parcels(platform, start, end);
            List<Signal> signals = new ArrayList<>(ParcelChecks.check(parcels, p.parcels()));
            signals.addAll(ReviewChecks.check(trade.reviews(platform, start, end), p.reviews()));
            Map<String, Order> byId = new HashMap<>();
            for (Order o : orders) {
                byId.put(o.orderId(), o);
            }
            for (OrderMarket.RingEvidence r : new OrderMarket(orders, OrderMarket.Extra.NONE)
                    .rings(p.ring(), parcels, signals)) {
                found++;
                added += store(runId, platform, r, byId, owner, started);
            }
        }
        jdbc.sql("UPDATE brushing_run SET rings = ?, new_rings = ?, finished_at = ? WHERE id = ?")
                .params(found, added, Timestamp.from(clock.instant()), runId).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("platform", platform);
        if (category != null) {
            after.put("category", category);
        }
        if (task != null) {
            after.put("task", task);
        }
        after.put("from", from.toString());
        after.put("to", to.toString());
        after.put("parameters", p.version());
        after.put("orders", orders.size());
        after.put("rings", found);
        after.put("newRings", added);
        audit.record(owner.actor(), "brushing.run", "brushing_run", Long.toString(runId), null, after);
        return new Run(runId, platform, from, to, p.version(), orders.size(), found, added);
    }

    private int store(long runId, String platform, OrderMarket.RingEvidence r, Map<String, Order> byId,
                      Owner owner, Instant now) {
        List<Order> orders = new TreeSet<>(r.orders()).stream().map(byId::get).toList();
        List<Ring.SignalNote> notes = r.signals().stream().map(s -> new Ring.SignalNote(s.kind().name(), s.shop(),
                s.accounts().size(), s.explanation())).toList();
        var b = r.block();
        return store(runId, new Found(platform, r.accounts(), r.shops(), r.days(), orders, r.parcels().size(),
                b.mass(), b.expected(), b.score(), r.explanation(), notes), owner, now);
    }

    /** A ring to store: who, where and when, its orders (the extract), the detector's figures and explanation. */
    record Found(String platform, List<String> accounts, List<String> shops, List<LocalDate> days, List<Order> orders,
                 int parcels, long mass, double expected, double score, String explanation,
                 List<Ring.SignalNote> signals) {
    }

    /** Stores a ring unless its owner has it already (same platform, accounts, shops and days); 1 when added. */
    int store(long runId, Found r, Owner owner, Instant now) {
        StringBuilder csv = new StringBuilder("order_id,buyer_hash,shop_id,ordered_at,amount_yuan,parcels\n");
        for (Order o : r.orders()) {
            csv.append(csvField(o.orderId())).append(',').append(o.buyer()).append(',').append(csvField(o.shop()))
                    .append(',').append(Instant.ofEpochSecond(o.time()).atZone(CHINA).toOffsetDateTime())
                    .append(',').append(java.math.BigDecimal.valueOf(o.amountCents(), 2).toPlainString())
                    .append('\n');
        }
        byte[] extract = csv.toString().getBytes(StandardCharsets.UTF_8);
        String fingerprint = Evidence.sha256((r.platform() + "|" + new TreeSet<>(r.accounts()) + "|"
                + new TreeSet<>(r.shops()) + "|" + r.days()).getBytes(StandardCharsets.UTF_8));
        String signalsJson;
        try {
            signalsJson = JSON.writeValueAsString(r.signals());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return jdbc.sql("""
                INSERT INTO ring (fingerprint, run_id, platform_code, accounts, shops, days, order_count, parcel_count,
                                  mass, expected, score, explanation, signals, extract, extract_sha256, owner_agency,
                                  owner_region, found_at, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, 'OPEN')
                ON CONFLICT (owner_agency, owner_region, fingerprint) DO NOTHING""")
                .params(fingerprint, runId, r.platform(), r.accounts().toArray(String[]::new),
                        r.shops().toArray(String[]::new),
                        r.days().stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new), r.orders().size(),
                        r.parcels(), r.mass(), r.expected(), r.score(), r.explanation(), signalsJson, extract,
                        Evidence.sha256(extract), owner.agency(), owner.region(), Timestamp.from(now))
                .update();
    }

    /**
     * A ring the stream job found in a window of a platform's orders (issue 19): recorded as a run of that window
     * (run by {@code stream}) with its ring, for the officers of {@code agency} / {@code region} to decide like any
     * other; the extract is the ring's orders as the feed carried them. Refused (with the reason) for a platform the
     * registry does not know. A ring already recorded adds nothing.
     */
    @Transactional
    public Run takeFromStream(StreamRing ring, String agency, String region) {
        if (registry.platformName(ring.platform()).isEmpty()) {
            throw new BrushingRefusedException("字段 platform：没有这个平台 " + ring.platform() + " (no such platform)");
        }
        Instant now = clock.instant();
        Parameters p = parameters();
        Owner owner = new Owner(agency, region, "stream");
        long runId = jdbc.sql("""
                INSERT INTO brushing_run (platform_code, category, window_from, window_to, parameters, orders, rings,
                                          new_rings, owner_agency, owner_region, run_by, task_id, started_at,
                                          finished_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, 0, ?, ?, 'stream', NULL, ?, ?) RETURNING id""")
                .params(ring.platform(), ring.category(), ring.from(), ring.to(), p.version(), ring.ordersInWindow(),
                        agency, region, Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
        int added = store(runId, new Found(ring.platform(), ring.accounts(), ring.shops(), ring.days(), ring.orders(),
                0, ring.mass(), ring.expected(), ring.score(), ring.explanation(), List.of()), owner, now);
        jdbc.sql("UPDATE brushing_run SET new_rings = ? WHERE id = ?").params(added, runId).update();
        audit.record("stream", "brushing.stream-ring", "brushing_run", Long.toString(runId), null,
                Map.of("platform", ring.platform(), "from", ring.from().toString(), "to", ring.to().toString(),
                        "accounts", ring.accounts().size(), "newRings", added));
        return new Run(runId, ring.platform(), ring.from(), ring.to(), p.version(), ring.ordersInWindow(), 1, added);
    }

    /** A ring as the stream job sends it (topic {@code brushing-rings}, schema brushing-ring v1). */
    public record StreamRing(String platform, String category, LocalDate from, LocalDate to, int ordersInWindow,
                             List<String> accounts, List<String> shops, List<LocalDate> days, List<Order> orders,
                             long mass, double expected, double score, String explanation) {
    }

    /** The rings a user may see, newest first; {@code open} only the undecided ones. */
    public List<Ring> list(DataScope scope, boolean open, int limit) {
        Map<String, Object> params = new HashMap<>(scope.sqlParameters());
        params.put("limit", limit);
        return jdbc.sql(SELECT + " WHERE " + scope.sqlCondition("owner_agency", "owner_region")
                        + (open ? " AND state = 'OPEN'" : "") + " ORDER BY id DESC LIMIT :limit")
                .params(params).query(BrushingMonitor::ring).list();
    }

    public Optional<Ring> find(long id, DataScope scope) {
        Map<String, Object> params = new HashMap<>(scope.sqlParameters());
        params.put("id", id);
        return jdbc.sql(SELECT + " WHERE id = :id AND " + scope.sqlCondition("owner_agency", "owner_region"))
                .params(params).query(BrushingMonitor::ring).optional();
    }

    /** The ring's order extract (CSV), as it was fixed, if the ring is within the scope. */
    public Optional<byte[]> extract(long id, DataScope scope) {
        return find(id, scope).map(this::extract);
    }

    /** The order extract of a ring already found within its reader's scope. */
    public byte[] extract(Ring ring) {
        return jdbc.sql("SELECT extract FROM ring WHERE id = ?").param(ring.id()).query(byte[].class).single();
    }

    /** What confirming produced. */
    public record Confirmed(Ring ring, Clue clue, long evidenceSeq) {
    }

    /** Confirms a ring: its order extract enters the evidence register and a clue is registered with it. */
    @Transactional
    public Confirmed confirm(long id, CurrentUser officer) {
        Ring ring = find(id, officer.dataScope())
                .orElseThrow(() -> new BrushingRefusedException("没有这个刷单团伙线索 (no such ring): " + id));
        if (!ring.open()) {
            throw new BrushingRefusedException("该团伙已处理（" + ring.state().label() + "）(already decided)");
        }
        byte[] extract = extract(ring);
        Instant now = clock.instant();
        Capture fixed = evidence.record(new Evidence.NewCapture(Capture.Kind.PLATFORM_REPORT,
                "wangjian:trade/" + ring.platformCode() + "/ring/" + id, now, null, null, "text/csv; charset=UTF-8",
                extract, null, null, "疑似刷单团伙 " + id + " 的订单摘录（" + ring.orderCount() + " 笔订单，来自平台报送数据）",
                officer.getUsername(), ring.ownerAgency(), ring.ownerRegion()));
        List<String> shopNames = new ArrayList<>();
        String creditCode = null;
        for (String shopId : ring.shops()) {
            var shop = registry.shop(ring.platformCode(), shopId);
            shopNames.add(shop.map(Registry.Shop::shopName).orElse(shopId));
            if (creditCode == null && shop.isPresent()) {
                creditCode = shop.get().operatorCreditCode();
            }
        }
        String subject = String.join("、", shopNames);
        String title = "疑似刷单炒信：" + (subject.length() > 150 ? subject.substring(0, 150) + "等" : subject);
        String description = ring.explanation() + "\n涉及账号 " + ring.accounts().size() + " 个、店铺 "
                + ring.shops().size() + " 家、订单 " + ring.orderCount() + " 笔，集中于 " + ring.days().get(0)
                + (ring.days().size() > 1 ? " 至 " + ring.days().get(ring.days().size() - 1) : "")
                + "；订单摘录已固定为电子证据第 " + fixed.seq() + " 号（SHA-256 " + ring.extractSha256() + "）。"
                + "依据：《中华人民共和国电子商务法》第十七条（不得以虚构交易、编造用户评价等方式进行虚假或者引人误解的商业宣传）。";
        Clue clue = clues.register(new NewClue(title, ClueSource.MONITORING,
                subject.length() > 200 ? subject.substring(0, 200) : subject, creditCode, description), officer);
        clues.attachEvidence(clue.id(), fixed.seq(), "刷单团伙订单摘录", officer.getUsername());
        jdbc.sql("""
                UPDATE ring SET state = 'CONFIRMED', decided_by = ?, decided_at = ?, clue_id = ?, evidence_seq = ?
                WHERE id = ? AND state = 'OPEN'""")
                .params(officer.getUsername(), Timestamp.from(now), clue.id(), fixed.seq(), id).update();
        audit.record(officer.getUsername(), "brushing.ring-confirmed", "ring", Long.toString(id),
                Map.of("state", "OPEN"), Map.of("state", "CONFIRMED", "clue", clue.clueNo(), "evidenceSeq", fixed.seq()));
        return new Confirmed(find(id, officer.dataScope()).orElseThrow(), clue, fixed.seq());
    }

    /** Dismisses a ring with the officer's reason. */
    @Transactional
    public Ring dismiss(long id, String reason, CurrentUser officer) {
        Ring ring = find(id, officer.dataScope())
                .orElseThrow(() -> new BrushingRefusedException("没有这个刷单团伙线索 (no such ring): " + id));
        if (!ring.open()) {
            throw new BrushingRefusedException("该团伙已处理（" + ring.state().label() + "）(already decided)");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 4 || why.length() > 1000) {
            throw new BrushingRefusedException("字段 reason：请写明排除理由（4至1000字）(a reason is needed)");
        }
        jdbc.sql("""
                UPDATE ring SET state = 'DISMISSED', decided_by = ?, decided_at = ?, dismissal_reason = ?
                WHERE id = ? AND state = 'OPEN'""")
                .params(officer.getUsername(), Timestamp.from(clock.instant()), why, id).update();
        audit.record(officer.getUsername(), "brushing.ring-dismissed", "ring", Long.toString(id),
                Map.of("state", "OPEN"), Map.of("state", "DISMISSED", "reason", why));
        return find(id, officer.dataScope()).orElseThrow();
    }

    private static final String SELECT = """
            SELECT id, run_id, platform_code, accounts, shops, days, order_count, parcel_count, mass, expected, score,
                   explanation, signals::text AS signals, extract_sha256, owner_agency, owner_region, found_at, state,
                   decided_by, decided_at, dismissal_reason, clue_id, evidence_seq
            FROM ring""";

    private static Ring ring(ResultSet rs, int n) throws SQLException {
        List<Ring.SignalNote> signals;
        try {
            signals = List.of(JSON.readValue(rs.getString("signals"), Ring.SignalNote[].class));
        } catch (JsonProcessingException e) {
            throw new SQLException("signals unreadable", e);
        }
        List<LocalDate> days = new ArrayList<>();
        for (Object d : (Object[]) rs.getArray("days").getArray()) {
            days.add(((java.sql.Date) d).toLocalDate());
        }
        Instant decidedAt = rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant();
        RingState state = switch (rs.getString("state")) {
            case "CONFIRMED" -> new RingState.Confirmed(rs.getString("decided_by"), decidedAt, rs.getLong("clue_id"),
                    rs.getLong("evidence_seq"));
            case "DISMISSED" -> new RingState.Dismissed(rs.getString("decided_by"), decidedAt,
                    rs.getString("dismissal_reason"));
            default -> new RingState.Open();
        };
        return new Ring(rs.getLong("id"), rs.getLong("run_id"), rs.getString("platform_code"),
                strings(rs.getArray("accounts")), strings(rs.getArray("shops")), days, rs.getInt("order_count"),
                rs.getInt("parcel_count"), rs.getLong("mass"), rs.getDouble("expected"), rs.getDouble("score"),
                rs.getString("explanation"), signals, rs.getString("extract_sha256"), rs.getString("owner_agency"),
                rs.getString("owner_region"), rs.getTimestamp("found_at").toInstant(), state);
    }

    private static List<String> strings(java.sql.Array a) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add((String) o);
        }
        return out;
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
