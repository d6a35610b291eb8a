package cn.wangjian.platform.notice;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.evidence.Capture;
import cn.wangjian.platform.evidence.Evidence;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.identity.Role;
import cn.wangjian.platform.monitoring.Findings;
import cn.wangjian.platform.monitoring.MonitoringFinding;
import cn.wangjian.platform.registry.Listings;
import cn.wangjian.platform.registry.Registry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices to platforms. A bureau's officer sends one from a confirmed finding, a clue or a case: the platform and
 * shop (and for a takedown the listings), the law and article, what is demanded and a due time. The platform's
 * compliance users — of that platform only — confirm what they did and when; a confirmation after the due time is
 * recorded as late. The confirmation is then checked against what the platform reports: a takedown is proven when
 * every listing is reported removed, a service stop when none of the shop's listings remains; the state found is
 * fixed as evidence (a platform-report capture with its hash). A page rectification or licence display is checked
 * by the officer on that capture. A notice overdue, unproven or awaiting review is on the bureau's worklist.
 */
@Service
public class PlatformNotices {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a notice stands. */
    public enum State {
        SENT("待平台处置"), CONFIRMED("平台已反馈，待核查"), PROVEN("已核实处置"), UNPROVEN("核查未通过");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What is demanded of which platform, shop and listings. */
    public record Target(String platformCode, String shopId, List<String> listingIds) {
    }

    /** Why: the finding, clue or case it comes from and the provision it cites. */
    public record Basis(String sourceKind, long sourceId, String law, String article, String demand) {
    }

    /** The platform's answer. */
    public record Confirmation(String confirmedBy, Instant confirmedAt, Instant actedAt, String actionTaken,
                               boolean late) {
    }

    /** The check of the answer: the capture fixed and what it showed. */
    public record Verification(Instant verifiedAt, String verifiedBy, Long evidenceSeq, String outcome) {
    }

    public record Notice(long id, String noticeNo, NoticeKind kind, Target target, Basis basis, String agencyCode,
                         String regionCode, String sentBy, Instant sentAt, Instant dueAt, State state,
                         Confirmation confirmation, Verification verification) {
        public boolean overdue(Instant now) {
            return state == State.SENT && now.isAfter(dueAt);
        }

        /** On the officer's worklist: overdue, unproven, or waiting for the officer's review. */
        public boolean needsAttention(Instant now) {
            return overdue(now) || state == State.UNPROVEN || state == State.CONFIRMED;
        }
    }

    public record NewNotice(String sourceKind, long sourceId, NoticeKind kind, String platformCode, String shopId,
                            List<String> listingIds, String law, String article, String demand, Integer dueHours) {
    }

    private final JdbcClient jdbc;
    private final Findings findings;
    private final ClueRegister clues;
    private final CaseFiles cases;
    private final Registry registry;
    private final Listings listings;
    private final Evidence evidence;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final NoticeNumbers numbers;

    PlatformNotices(JdbcClient jdbc, Findings findings, ClueRegister clues, CaseFiles cases, Registry registry,
                    Listings listings, Evidence evidence, AuditLog audit, ApplicationEventPublisher events,
                    NoticeNumbers numbers, Clock clock) {
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.findings = findings;
        this.clues = clues;
        this.cases = cases;
        this.registry = registry;
        this.listings = listings;
        this.evidence = evidence;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Sends a notice; from a finding the platform, shop, listing and provision are the finding's. */
    @Transactional
    public Notice send(NewNotice n, CurrentUser officer) {
        if (officer.agencyCode() == null
                || !(officer.hasRole(Role.MONITORING_OFFICER) || officer.hasRole(Role.CASE_OFFICER))) {
            throw new NoticeRefusedException("只有监测或办案人员可以通知平台 (monitoring or case officers only)");
        }
        if (n.kind() == null) {
            throw new NoticeRefusedException("字段 kind：请选择通知要求 (a kind is needed)");
        }
        String platform;
        String shop;
        List<String> listingIds;
        String law;
        String article;
        switch (n.sourceKind() == null ? "" : n.sourceKind()) {
            case "finding" -> {
                MonitoringFinding f = findings.find(n.sourceId(), officer.dataScope()).orElseThrow(
                        () -> new NoticeRefusedException("没有这条监测发现 (no such finding): " + n.sourceId()));
                if (!"CONFIRMED".equals(f.status())) {
                    throw new NoticeRefusedException("监测发现须先确认（固定证据）再通知平台 (confirm the finding first)");
                }
                if (f.platformCode() == null || f.shopId() == null) {
                    throw new NoticeRefusedException("该发现不涉及平台网店 (the finding names no platform shop)");
                }
                platform = f.platformCode();
                shop = f.shopId();
                listingIds = f.listingId() == null ? List.of() : List.of(f.listingId());
                law = f.law();
                article = f.article();
            }
            case "clue", "case" -> {
                boolean visible = "clue".equals(n.sourceKind())
                        ? clues.find(n.sourceId(), officer.dataScope()).isPresent()
                        : cases.find(n.sourceId(), officer.dataScope()).isPresent();
                if (!visible) {
                    throw new NoticeRefusedException("没有这个" + ("clue".equals(n.sourceKind()) ? "线索" : "案件")
                            + " (no such " + n.sourceKind() + "): " + n.sourceId());
                }
                platform = required(n.platformCode(), "platformCode", "平台", 60);
                shop = required(n.shopId(), "shopId", "店铺编号", 100);
                listingIds = n.listingIds() == null ? List.of() : n.listingIds().stream().filter(s -> s != null
                        && !s.isBlank()).map(String::strip).distinct().toList();
                law = required(n.law(), "law", "法律依据", 200);
                article = required(n.article(), "article", "条款", 100);
            }
            default -> throw new NoticeRefusedException("字段 sourceKind：通知须来自监测发现、线索或案件 (finding, clue or case)");
        }
        if (registry.shop(platform, shop).isEmpty()) {
            throw new NoticeRefusedException("字段 shopId：平台 " + platform + " 没有店铺 " + shop + " (no such shop)");
        }
        if (n.kind() == NoticeKind.TAKEDOWN && listingIds.isEmpty()) {
            throw new NoticeRefusedException("字段 listingIds：删除商品信息须指明商品 (a takedown names the listings)");
        }
        for (String id : listingIds) {
            var listing = listings.find(platform, id);
            if (listing.isEmpty() || !listing.get().shopId().equals(shop)) {
                throw new NoticeRefusedException("字段 listingIds：店铺 " + shop + " 没有商品 " + id + " (no such listing)");
            }
        }
        if (!law.startsWith("《")) {
            law = "《" + law + "》";
        }
        String demand = required(n.demand(), "demand", "具体要求", 2000);
        if (n.dueHours() == null || n.dueHours() < 1 || n.dueHours() > 720) {
            throw new NoticeRefusedException("字段 dueHours：处置期限为 1 至 720 小时 (1 to 720 hours)");
        }
        Instant now = clock.instant();
        String no = numbers.next("TZ", officer, now);
        long id = jdbc.sql("""
                INSERT INTO platform_notice (notice_no, kind, platform_code, shop_id, listing_ids, source_kind, source_id,
                    law, article, demand, agency_code, region_code, sent_by, sent_at, due_at, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENT') RETURNING id""")
                .params(no, n.kind().name(), platform, shop, listingIds.toArray(String[]::new), n.sourceKind(),
                        n.sourceId(), law, article, demand, officer.agencyCode(), officer.region().value(),
                        officer.getUsername(), Timestamp.from(now),
                        Timestamp.from(now.plus(Duration.ofHours(n.dueHours()))))
                .query(Long.class).single();
        audit.record(officer.getUsername(), "notice.sent", "platform_notice", Long.toString(id), null,
                Map.of("no", no, "kind", n.kind().name(), "platform", platform, "shop", shop));
        return find(id).orElseThrow();
    }

    /**
     * The platform confirms what it did and when; the answer is checked at once against the platform's reports
     * and the state found is fixed as evidence.
     */
    @Transactional
    public Notice confirm(long id, String actionTaken, Instant actedAt, CurrentUser platformUser) {
        Notice notice = ofPlatform(id, platformUser)
                .orElseThrow(() -> new NoticeRefusedException("没有这份通知 (no such notice): " + id));
        if (notice.state() != State.SENT) {
            throw new NoticeRefusedException("通知 " + notice.noticeNo() + " 已反馈 (already confirmed)");
        }
        String action = required(actionTaken, "actionTaken", "处置情况", 2000);
        Instant now = clock.instant();
        // the form gives minutes: the minute the notice was sent counts as after it
        if (actedAt == null || actedAt.isAfter(now)
                || actedAt.isBefore(notice.sentAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            throw new NoticeRefusedException("字段 actedAt：处置时间须在通知发出之后、不晚于现在 (after the notice, not in the future)");
        }
        boolean late = now.isAfter(notice.dueAt());
        jdbc.sql("""
                UPDATE platform_notice SET state = 'CONFIRMED', confirmed_by = ?, confirmed_at = ?, acted_at = ?,
                    action_taken = ? WHERE id = ? AND state = 'SENT'""")
                .params(platformUser.getUsername(), Timestamp.from(now), Timestamp.from(actedAt), action, id).update();
        audit.record(platformUser.getUsername(), "notice.confirmed", "platform_notice", Long.toString(id), null,
                Map.of("late", late));
        Notice confirmed = find(id).orElseThrow();
        return notice.kind().provedByReports() ? check(confirmed, "system") : recapture(confirmed);
    }

    /** The officer's review of a page rectification or licence display on the new capture. */
    @Transactional
    public Notice review(long id, boolean accepted, String note, CurrentUser officer) {
        Notice notice = find(id, officer.dataScope())
                .orElseThrow(() -> new NoticeRefusedException("没有这份通知 (no such notice): " + id));
        if (notice.state() != State.CONFIRMED && notice.state() != State.UNPROVEN) {
            throw new NoticeRefusedException("通知 " + notice.noticeNo() + " 不在待核查状态 (nothing to review)");
        }
        String text = required(note, "note", "核查意见", 2000);
        if (notice.kind().provedByReports()) {
            // reports decide these; the officer may only check again (the platform may have reported since)
            return check(notice, officer.getUsername());
        }
        jdbc.sql("""
                UPDATE platform_notice SET state = ?, verified_at = ?, verified_by = ?, verification = ? WHERE id = ?""")
                .params(accepted ? "PROVEN" : "UNPROVEN", Timestamp.from(clock.instant()), officer.getUsername(),
                        (accepted ? "核查通过：" : "核查未通过：") + text, id).update();
        Notice reviewed = find(id).orElseThrow();
        if (accepted) {
            proven(reviewed, 1, officer.getUsername());
        }
        audit.record(officer.getUsername(), "notice.reviewed", "platform_notice", Long.toString(id), null,
                Map.of("accepted", accepted));
        return reviewed;
    }

    /** Checks a takedown or service stop against the platform's reported removals and fixes what it found. */
    private Notice check(Notice n, String actor) {
        List<String> ids = n.kind() == NoticeKind.TAKEDOWN ? n.target().listingIds()
                : listings.activeOfShop(n.target().platformCode(), n.target().shopId());
        ObjectNode state = JSON.createObjectNode();
        state.put("notice", n.noticeNo());
        state.put("kind", n.kind().name());
        state.put("platform", n.target().platformCode());
        state.put("shop", n.target().shopId());
        state.put("checkedAt", clock.instant().toString());
        ArrayNode items = state.putArray("listings");
        List<String> remaining = new ArrayList<>();
        for (String listingId : ids) {
            ObjectNode item = items.addObject();
            item.put("listing", listingId);
            var removal = listings.removal(n.target().platformCode(), listingId);
            if (removal.isPresent()) {
                item.put("removedAt", removal.get().removedAt().toString());
                item.put("removedBy", removal.get().removedBy());
            } else {
                remaining.add(listingId);
                listings.find(n.target().platformCode(), listingId).ifPresent(l -> {
                    item.put("present", true);
                    item.put("title", l.title());
                    item.put("contentSha256", l.contentSha256());
                });
            }
        }
        boolean proven = remaining.isEmpty();
        String outcome = n.kind() == NoticeKind.TAKEDOWN
                ? (proven ? "平台报送显示 " + ids.size() + " 条商品均已下架" : "仍在售：" + String.join("、", remaining))
                : (proven ? "平台报送显示该店铺已无在售商品" : "店铺仍有在售商品 " + remaining.size() + " 条："
                        + String.join("、", remaining.stream().limit(20).toList()));
        Capture capture = fix(n, state, outcome, actor);
        jdbc.sql("""
                UPDATE platform_notice SET state = ?, verified_at = ?, verified_by = ?, evidence_seq = ?, verification = ?
                WHERE id = ?""").params(proven ? "PROVEN" : "UNPROVEN", Timestamp.from(clock.instant()), actor,
                capture.seq(), outcome, n.id()).update();
        Notice checked = find(n.id()).orElseThrow();
        if (proven) {
            proven(checked, n.kind() == NoticeKind.TAKEDOWN ? ids.size() : 1, actor);
        }
        return checked;
    }

    /** A page or licence display: the shop and its listings as now reported are fixed for the officer's review. */
    private Notice recapture(Notice n) {
        ObjectNode state = JSON.createObjectNode();
        state.put("notice", n.noticeNo());
        state.put("kind", n.kind().name());
        registry.shop(n.target().platformCode(), n.target().shopId()).ifPresent(s -> {
            state.put("shopName", s.shopName());
            state.put("operatorCreditCode", s.operatorCreditCode());
            state.put("licenceInfo", s.licenceInfo());
        });
        ArrayNode items = state.putArray("listings");
        for (String listingId : n.target().listingIds()) {
            ObjectNode item = items.addObject();
            item.put("listing", listingId);
            listings.find(n.target().platformCode(), listingId).ifPresent(l -> {
                item.put("title", l.title());
                item.put("description", l.description());
                item.put("contentSha256", l.contentSha256());
            });
        }
        Capture capture = fix(n, state, "平台反馈后的店铺与商品信息，待办案人员核查", "system");
        jdbc.sql("UPDATE platform_notice SET evidence_seq = ?, verification = ? WHERE id = ?")
                .params(capture.seq(), "已固定平台反馈后的信息（第 " + capture.seq() + " 号证据），待核查", n.id()).update();
        return find(n.id()).orElseThrow();
    }

    private Capture fix(Notice n, ObjectNode state, String outcome, String actor) {
        state.put("outcome", outcome);
        byte[] content;
        try {
            content = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String url = "platform-report:" + n.target().platformCode() + "/" + n.target().shopId();
        Capture capture = evidence.record(new Evidence.NewCapture(Capture.Kind.PLATFORM_REPORT, url, clock.instant(),
                null, null, "application/json", content, new String(content, StandardCharsets.UTF_8), null,
                "通知 " + n.noticeNo() + " 反馈后的核查：" + outcome, actor, n.agencyCode(), n.regionCode()));
        Long clueId = switch (n.basis().sourceKind()) {
            case "clue" -> n.basis().sourceId();
            case "finding" -> findings.find(n.basis().sourceId(), DataScope.everything())
                    .map(MonitoringFinding::clueId).orElse(null);
            default -> cases.find(n.basis().sourceId(), DataScope.everything()).map(CaseFiles.CaseView::clueId)
                    .orElse(null);
        };
        if (clueId != null) {
            clues.attachEvidence(clueId, capture.seq(), "通知平台 " + n.noticeNo() + " 的核查", actor);
        }
        return capture;
    }

    private void proven(Notice n, int quantity, String actor) {
        LocalDate day = (n.confirmation() != null ? n.confirmation().actedAt() : clock.instant()).atZone(CHINA)
                .toLocalDate();
        events.publishEvent(new PlatformNoticeProven(n.id(), n.noticeNo(), n.kind(), n.target().platformCode(),
                n.target().shopId(), n.agencyCode(), n.regionCode(), day, quantity, actor));
    }

    /** The bureau's notices, newest first. */
    public List<Notice> list(DataScope scope, int limit) {
        return jdbc.sql(SELECT + " WHERE " + scope.sqlCondition("agency_code", "region_code")
                        + " ORDER BY sent_at DESC, id DESC LIMIT " + Math.max(1, Math.min(limit, 1000)))
                .params(scope.sqlParameters()).query((rs, i) -> notice(rs)).list();
    }

    public Optional<Notice> find(long id, DataScope scope) {
        Map<String, Object> p = new HashMap<>(scope.sqlParameters());
        p.put("id", id);
        return jdbc.sql(SELECT + " WHERE id = :id AND " + scope.sqlCondition("agency_code", "region_code")).params(p)
                .query((rs, i) -> notice(rs)).optional();
    }

    /** The notices to the platform user's own platform (none for a user of no registered platform). */
    public List<Notice> ofPlatform(CurrentUser platformUser) {
        return platformOf(platformUser).map(code -> jdbc.sql(SELECT + " WHERE platform_code = ?"
                + " ORDER BY sent_at DESC, id DESC LIMIT 1000").param(code).query((rs, i) -> notice(rs)).list())
                .orElse(List.of());
    }

    /** One notice, only if it was sent to the platform user's own platform. */
    public Optional<Notice> ofPlatform(long id, CurrentUser platformUser) {
        return platformOf(platformUser).flatMap(code -> jdbc.sql(SELECT + " WHERE id = ? AND platform_code = ?")
                .params(id, code).query((rs, i) -> notice(rs)).optional());
    }

    /** The platform a compliance user works for. */
    public Optional<String> platformOf(CurrentUser user) {
        if (!user.hasRole(Role.PLATFORM_COMPLIANCE) || user.organization() == null) {
            return Optional.empty();
        }
        return registry.platformOf(user.organization());
    }

    private Optional<Notice> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, i) -> notice(rs)).optional();
    }

    private static final String SELECT = """
            SELECT id, notice_no, kind, platform_code, shop_id, listing_ids, source_kind, source_id, law, article,
                   demand, agency_code, region_code, sent_by, sent_at, due_at, state, confirmed_by, confirmed_at,
                   acted_at, action_taken, verified_at, verified_by, evidence_seq, verification
            FROM platform_notice""";

    private static Notice notice(ResultSet rs) throws SQLException {
        List<String> ids = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray("listing_ids").getArray()) {
            ids.add((String) o);
        }
        Instant due = rs.getTimestamp("due_at").toInstant();
        Confirmation confirmation = rs.getTimestamp("confirmed_at") == null ? null : new Confirmation(
                rs.getString("confirmed_by"), rs.getTimestamp("confirmed_at").toInstant(),
                rs.getTimestamp("acted_at").toInstant(), rs.getString("action_taken"),
                rs.getTimestamp("confirmed_at").toInstant().isAfter(due));
        long seq = rs.getLong("evidence_seq");
        Long evidenceSeq = rs.wasNull() ? null : seq;
        Verification verification = rs.getString("verification") == null ? null : new Verification(
                rs.getTimestamp("verified_at") == null ? null : rs.getTimestamp("verified_at").toInstant(),
                rs.getString("verified_by"), evidenceSeq, rs.getString("verification"));
        return new Notice(rs.getLong("id"), rs.getString("notice_no"), NoticeKind.valueOf(rs.getString("kind")),
                new Target(rs.getString("platform_code"), rs.getString("shop_id"), List.copyOf(ids)),
                new Basis(rs.getString("source_kind"), rs.getLong("source_id"), rs.getString("law"),
                        rs.getString("article"), rs.getString("demand")),
                rs.getString("agency_code"), rs.getString("region_code"), rs.getString("sent_by"),
                rs.getTimestamp("sent_at").toInstant(), due, State.valueOf(rs.getString("state")), confirmation,
                verification);
    }

    private static String required(String value, String field, String label, int max) {
        return Text.required(value, field, label, max);
    }
}
