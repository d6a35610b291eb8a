package cn.wangjian.platform.clue;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.identity.Directory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clue notification (线索通报): a clue is sent, by its category in the routing table, to the lead agency and the
 * assisting agencies of a region, which then see it (a share) and accept it or return it with a reason. The time from
 * sending to the decision is kept.
 */
@Service
public class ClueNotifications {

    /** A notification as listed. */
    public record Notification(long id, long clueId, String clueNo, String clueTitle, String category, String role,
                               String fromAgency, String fromRegion, String toAgency, String toRegion, String sentBy,
                               Instant sentAt, String status, String decidedBy, Instant decidedAt, String reason) {
        /** Time from sending to acceptance or return; null while open. */
        public Duration timeToDecide() {
            return decidedAt == null ? null : Duration.between(sentAt, decidedAt);
        }

        public String statusLabel() {
            return switch (status) {
                case "ACCEPTED" -> "已接收";
                case "RETURNED" -> "已退回";
                default -> "待接收";
            };
        }
    }

    private final JdbcClient jdbc;
    private final ClueRegister clues;
    private final Routing routing;
    private final Directory directory;
    private final AuditLog audit;

    private final java.time.Clock clock;

    ClueNotifications(JdbcClient jdbc, ClueRegister clues, Routing routing, Directory directory, AuditLog audit, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.clues = clues;
        this.routing = routing;
        this.directory = directory;
        this.audit = audit;
    }

    /** Sends a clue by category to the lead (and, if asked, the assisting) agencies of a region. */
    @Transactional
    public List<Notification> notify(long clueId, String category, String region, boolean withAssisting,
                                     CurrentUser officer) {
        Clue clue = clues.find(clueId, officer.dataScope())
                .orElseThrow(() -> new NoSuchElementException("没有这条线索 (no such clue): " + clueId));
        Routing.Table table = routing.current();
        Routing.Category c = table.category(category).orElseThrow(() -> new IllegalArgumentException(
                "字段 category：路由表中没有类别 " + category + " (unknown category)"));
        if (directory.region(region).isEmpty()) {
            throw new IllegalArgumentException("字段 region：未知行政区划代码 " + region + " (unknown region)");
        }
        List<String[]> targets = new ArrayList<>();
        targets.add(new String[] {c.lead(), "LEAD"});
        if (withAssisting) {
            c.assist().forEach(a -> targets.add(new String[] {a, "ASSIST"}));
        }
        List<Notification> sent = new ArrayList<>();
        for (String[] t : targets) {
            if (ownBureau(t[0], region, officer)) {
                // the sender's own bureau already has it: not sent, but said (the page tells the sender, the audit
                // log keeps it)
                audit.record(officer.getUsername(), "clue.notify-own-bureau", "clue", Long.toString(clueId), null,
                        Map.of("agency", t[0], "region", region, "role", t[1], "category", category));
                continue;
            }
            clues.share(clueId, new ShareRequest(t[0], region), officer);
            Long id = jdbc.sql("""
                    INSERT INTO clue_notification (clue_id, category, role, routing_version, from_agency, from_region,
                        to_agency, to_region, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (clue_id, to_agency, to_region) DO NOTHING RETURNING id""")
                    .params(clueId, category, t[1], table.version(), officer.agencyCode(), officer.region().value(),
                            t[0], region, officer.getUsername(), Timestamp.from(clock.instant()))
                    .query(Long.class).optional().orElse(null);
            if (id != null) {
                audit.record(officer.getUsername(), "clue.notified", "clue", Long.toString(clueId), null,
                        Map.of("to", t[0] + "/" + region, "role", t[1], "category", category));
                sent.add(find(id).orElseThrow());
            }
        }
        return sent;
    }

    private static boolean ownBureau(String agency, String region, CurrentUser officer) {
        return agency.equals(officer.agencyCode()) && region.startsWith(officer.region().subtreePrefix());
    }

    /**
     * The agencies of a category's routing that are the sender's own bureau for that region (not notified: the clue
     * is already there), by their short names, for the sender's message.
     */
    public List<String> keptByOwnBureau(String category, String region, boolean withAssisting, CurrentUser officer) {
        Routing.Category c = routing.current().category(category).orElse(null);
        if (c == null) {
            return List.of();
        }
        List<String> agencies = new ArrayList<>(List.of(c.lead()));
        if (withAssisting) {
            agencies.addAll(c.assist());
        }
        return agencies.stream().filter(a -> ownBureau(a, region, officer))
                .map(a -> directory.agency(a).map(cn.wangjian.platform.identity.Agency::shortName).orElse(a)).toList();
    }

    /** Notifications addressed to the user's agency within the user's region subtree. */
    public List<Notification> incoming(CurrentUser user) {
        DataScope scope = user.dataScope();
        return jdbc.sql(SELECT + " WHERE " + scope.sqlCondition("n.to_agency", "n.to_region")
                        + " ORDER BY n.status = 'SENT' DESC, n.sent_at DESC LIMIT 200")
                .params(scope.sqlParameters()).query((rs, n) -> map(rs)).list();
    }

    public List<Notification> ofClue(long clueId) {
        return jdbc.sql(SELECT + " WHERE n.clue_id = ? ORDER BY n.id").param(clueId).query((rs, n) -> map(rs)).list();
    }

    @Transactional
    public Notification accept(long id, CurrentUser user) {
        return decide(id, user, "ACCEPTED", null);
    }

    @Transactional
    public Notification returnWithReason(long id, String reason, CurrentUser user) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("字段 reason：退回须说明理由 (a reason is required)");
        }
        return decide(id, user, "RETURNED", reason.strip());
    }

    private Notification decide(long id, CurrentUser user, String status, String reason) {
        Notification n = find(id).filter(x -> user.dataScope().covers(x.toAgency(), x.toRegion()))
                .orElseThrow(() -> new NoSuchElementException("没有这条通报 (no such notification): " + id));
        if (!n.status().equals("SENT")) {
            throw new IllegalStateException("该通报已" + n.statusLabel() + " (already decided)");
        }
        jdbc.sql("UPDATE clue_notification SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?")
                .params(status, user.getUsername(), Timestamp.from(clock.instant()), reason, id).update();
        audit.record(user.getUsername(), status.equals("ACCEPTED") ? "clue.notification-accepted"
                : "clue.notification-returned", "clue", Long.toString(n.clueId()), null,
                Map.of("notification", id, "reason", reason == null ? "" : reason));
        return find(id).orElseThrow();
    }

    private static final String SELECT = """
            SELECT n.*, c.clue_no, c.title FROM clue_notification n JOIN clue c ON c.id = n.clue_id""";

    private java.util.Optional<Notification> find(long id) {
        return jdbc.sql(SELECT + " WHERE n.id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    private static Notification map(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Notification(rs.getLong("id"), rs.getLong("clue_id"), rs.getString("clue_no"), rs.getString("title"),
                rs.getString("category"), rs.getString("role"), rs.getString("from_agency"), rs.getString("from_region"),
                rs.getString("to_agency"), rs.getString("to_region"), rs.getString("sent_by"),
                rs.getTimestamp("sent_at").toInstant(), rs.getString("status"), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("reason"));
    }
}
