package cn.wangjian.platform.credit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint punishment (联合惩戒): every listing and removal becomes an event of the feed, and for every department
 * that subscribes to that list an outbox row in the same transaction. The dispatcher posts each row as JSON with an
 * HMAC-SHA256 signature of the body ({@code X-Wangjian-Signature: sha256=…}) and the event's id as idempotency key
 * ({@code Idempotency-Key}); a failure is retried with exponential backoff (base × 2^attempts, at most an hour) and
 * every attempt is logged. Departments that cannot receive pushes pull the feed after the last id they saw.
 */
@Service
public class JointPunishment {

    private static final Logger log = LoggerFactory.getLogger(JointPunishment.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    /** A department that receives the lists. The secret is shown once when it is registered. */
    public record Subscriber(long id, String agencyCode, String name, String url, Set<ListKind> lists, boolean active) {
    }

    /** A registered subscriber with its secret, as shown the one time. */
    public record Registered(Subscriber subscriber, String secret) {
    }

    /** A line of the feed. */
    public record FeedEvent(long id, long entryId, String kind, Instant at, String payload) {
    }

    /** A line of a subscriber's delivery log. */
    public record Delivery(long outboxId, long eventId, int attempts, Instant nextAttemptAt, Instant deliveredAt,
                           String lastError) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    JointPunishment(JdbcClient jdbc, Clock clock,
                    @Value("${wangjian.credit.retry-base-seconds:30}") long retryBaseSeconds) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.base = Duration.ofSeconds(Math.max(1, retryBaseSeconds));
    }

    /** Registers a department's endpoint (http or https; null for pull only) for some lists. */
    @Transactional
    public Registered subscribe(String agencyCode, String name, String url, Set<ListKind> lists, String actor) {
        if (url != null && !url.isBlank()) {
            URI u;
            try {
                u = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new CreditRefusedException("字段 url：不是有效地址 (not a URL): " + url);
            }
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new CreditRefusedException("字段 url：须为 http 或 https 地址 (http or https)");
            }
        }
        if (lists == null || lists.isEmpty()) {
            throw new CreditRefusedException("字段 lists：请选择订阅的名单 (no list)");
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = HexFormat.of().formatHex(key);
        long id = jdbc.sql("""
                INSERT INTO credit_subscriber (agency_code, name, url, secret, lists, created_by, created_at)
                VALUES (?, ?, ?, ?, ?::text[], ?, ?) RETURNING id""")
                .params(agencyCode, name, url == null || url.isBlank() ? null : url.strip(), secret,
                        "{" + String.join(",", lists.stream().map(Enum::name).sorted().toList()) + "}", actor,
                        Timestamp.from(clock.instant())).query(Long.class).single();
        return new Registered(subscribers().stream().filter(s -> s.id() == id).findFirst().orElseThrow(), secret);
    }

    public List<Subscriber> subscribers() {
        return jdbc.sql("SELECT * FROM credit_subscriber ORDER BY id").query((rs, n) -> new Subscriber(rs.getLong("id"),
                rs.getString("agency_code"), rs.getString("name"), rs.getString("url"),
                Set.of((String[]) rs.getArray("lists").getArray()).stream().map(ListKind::valueOf)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()), rs.getBoolean("active"))).list();
    }

    /** Records a listing or removal in the feed and queues it for every subscriber of that list. */
    void record(CreditLists.Entry e, String kind) {
        ObjectNode p = JSON.createObjectNode();
        p.put("event", kind).put("list", e.kind().name()).put("listLabel", e.kind().label())
                .put("creditCode", e.creditCode()).put("partyName", e.partyName()).put("documentNo", e.documentNo())
                .put("reason", e.reason()).put("basis", e.basis())
                .put("listedOn", e.listedOn() == null ? null : e.listedOn().toString())
                .put("expiresOn", e.expiresOn() == null ? null : e.expiresOn().toString())
                .put("removedOn", e.removedOn() == null ? null : e.removedOn().toString())
                .put("removalReason", e.removalReason()).put("authority", e.agencyCode() + "/" + e.regionCode());
        var measures = p.putArray("measures");
        Measures.forList(e.kind()).forEach(m -> measures.addObject().put("code", m.code()).put("measure", m.measure())
                .put("agency", m.agency()).put("basis", m.basis()));
        String payload;
        try {
            payload = JSON.writeValueAsString(p);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        Timestamp now = Timestamp.from(clock.instant());
        long eventId = jdbc.sql("INSERT INTO credit_event (entry_id, kind, at, payload) VALUES (?, ?, ?, ?) RETURNING id")
                .params(e.id(), kind, now, payload).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO credit_outbox (subscriber_id, event_id, next_attempt_at)
                SELECT id, ?, ? FROM credit_subscriber WHERE active AND url IS NOT NULL AND ? = ANY (lists)""")
                .params(eventId, now, e.kind().name()).update();
    }

    /** The feed after {@code afterId}, for the lists the subscriber takes. */
    public List<FeedEvent> feed(long afterId, Set<ListKind> lists, int limit) {
        return jdbc.sql("""
                SELECT ev.* FROM credit_event ev JOIN credit_list_entry e ON e.id = ev.entry_id
                WHERE ev.id > ? AND e.list_kind = ANY (?::text[]) ORDER BY ev.id LIMIT ?""")
                .params(afterId, "{" + String.join(",", lists.stream().map(Enum::name).toList()) + "}", limit)
                .query((rs, n) -> new FeedEvent(rs.getLong("id"), rs.getLong("entry_id"), rs.getString("kind"),
                        rs.getTimestamp("at").toInstant(), rs.getString("payload"))).list();
    }

    public List<Delivery> deliveries(long subscriberId) {
        return jdbc.sql("SELECT * FROM credit_outbox WHERE subscriber_id = ? ORDER BY id").param(subscriberId)
                .query((rs, n) -> new Delivery(rs.getLong("id"), rs.getLong("event_id"), rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant(),
                        rs.getString("last_error"))).list();
    }

    private record Due(long id, long eventId, int attempts, String url, String secret, String payload) {
    }

    /** Posts every row that is due, oldest first; returns how many were delivered. */
    public int deliverDue() {
        List<Due> due = jdbc.sql("""
                SELECT o.id, o.event_id, o.attempts, s.url, s.secret, ev.payload
                FROM credit_outbox o JOIN credit_subscriber s ON s.id = o.subscriber_id
                JOIN credit_event ev ON ev.id = o.event_id
                WHERE o.delivered_at IS NULL AND o.next_attempt_at <= ? AND s.active ORDER BY o.id LIMIT 100""")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("event_id"), rs.getInt("attempts"),
                        rs.getString("url"), rs.getString("secret"), rs.getString("payload"))).list();
        int delivered = 0;
        List<Long> done = new ArrayList<>();
        for (Due d : due) {
            Integer status = null;
            String error = null;
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(d.url()))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json; charset=utf-8")
                        .header("Idempotency-Key", "wangjian-credit-event-" + d.eventId())
                        .header("X-Wangjian-Signature", "sha256=" + sign(d.secret(), d.payload()))
                        .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.discarding());
                status = r.statusCode();
                if (status < 200 || status >= 300) {
                    error = "HTTP " + status;
                }
            } catch (java.io.IOException | IllegalArgumentException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return delivered;
            }
            Instant now = clock.instant();
            jdbc.sql("INSERT INTO credit_delivery_attempt (outbox_id, at, status, error) VALUES (?, ?, ?, ?)")
                    .params(d.id(), Timestamp.from(now), status, error).update();
            if (error == null) {
                jdbc.sql("UPDATE credit_outbox SET attempts = attempts + 1, delivered_at = ?, last_error = NULL WHERE id = ?")
                        .params(Timestamp.from(now), d.id()).update();
                delivered++;
                done.add(d.id());
            } else {
                Duration wait = base.multipliedBy(1L << Math.min(d.attempts(), 16));
                if (wait.compareTo(MAX_BACKOFF) > 0) {
                    wait = MAX_BACKOFF;
                }
                jdbc.sql("UPDATE credit_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?")
                        .params(Timestamp.from(now.plus(wait)), error, d.id()).update();
            }
        }
        if (!due.isEmpty()) {
            log.info("联合惩戒推送 (joint-punishment pushes): {} due, {} delivered", due.size(), done.size());
        }
        return delivered;
    }

    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
