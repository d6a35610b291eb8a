package cn.wangjian.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.platform.PlatformTest;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuditLogTest extends PlatformTest {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ChainKey key;

    @Test
    void links_chain_and_record_before_and_after() {
        AuditEntry first = audit.record("tester", "thing.changed", "thing", "1", Map.of("b", 1, "a", 2), Map.of("a", 3));
        AuditEntry second = audit.record("tester", "thing.changed", "thing", "1", Map.of("a", 3), null);
        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(first.beforeJson()).isEqualTo("{\"a\":2,\"b\":1}");
        assertThat(AuditChain.hashOf(first, key)).isEqualTo(first.hash());
        assertThat(audit.forEntity("thing", "1")).extracting(AuditEntry::seq).contains(first.seq(), second.seq());
        assertThat(new AuditVerifier(dataSource, key).verify().intact()).isTrue();
    }

    @Test
    void the_database_refuses_updates_and_deletes() {
        audit.record("tester", "thing.changed", "thing", "2", null, Map.of("x", 1));
        // even the schema owner is refused by the triggers (the platform's role has no such privilege at all)
        var jdbc = asOwner();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'mallory'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void verification_reports_the_first_broken_link() {
        AuditEntry a = audit.record("tester", "thing.changed", "thing", "3", null, Map.of("amount", 100));
        audit.record("tester", "thing.changed", "thing", "3", Map.of("amount", 100), Map.of("amount", 200));
        // the schema owner with direct database access bypasses the trigger: the chain still shows it
        var jdbc = asOwner();
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete").update();
        try {
            jdbc.sql("UPDATE audit_log SET after_json = '{\"amount\":1}' WHERE seq = ?").param(a.seq()).update();
            AuditVerifier.Result result = new AuditVerifier(dataSource, key).verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.brokenAt()).isEqualTo(a.seq());
            assertThat(result.describe()).contains("第 " + a.seq() + " 条", "内容已被改动");
        } finally {
            jdbc.sql("UPDATE audit_log SET after_json = ? WHERE seq = ?").params(a.afterJson(), a.seq()).update();
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete").update();
        }
        assertThat(new AuditVerifier(dataSource, key).verify().intact()).isTrue();
    }

    @Test
    void a_rewritten_tail_recomputed_without_the_key_fails_verification() {
        for (int i = 0; i < 5; i++) {
            audit.record("officer.real", "thing.changed", "thing", "4", null, Map.of("n", i));
        }
        List<AuditEntry> all = jdbc.sql("SELECT * FROM audit_log ORDER BY seq").query(AuditVerifier.ROW_MAPPER).list();
        int from = all.size() - 3;
        // the forgery that passed before the chain was keyed: rewrite the last three links with a forged actor and
        // recompute every hash as SHA-256 (the attacker has the database, as its owner, but not the key)
        var jdbc = asOwner();
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete").update();
        try {
            String prev = all.get(from - 1).hash();
            for (int i = from; i < all.size(); i++) {
                AuditEntry e = all.get(i);
                String forged = AuditChain.hash(null, e.seq(), e.at(), "mallory", e.action(), e.entityType(),
                        e.entityId(), e.beforeJson(), e.afterJson(), prev);
                jdbc.sql("UPDATE audit_log SET actor = 'mallory', prev_hash = ?, hash = ?, key_id = NULL WHERE seq = ?")
                        .params(prev, forged, e.seq()).update();
                prev = forged;
            }
            AuditVerifier.Result unkeyed = new AuditVerifier(dataSource, key).verify();
            assertThat(unkeyed.intact()).isFalse();
            assertThat(unkeyed.brokenAt()).isEqualTo(all.get(from).seq());
            // the same tail signed with another key (or the key id kept, the MAC guessed) fails too
            ChainKey other = ChainKey.load(java.nio.file.Path.of("target"), "ab".repeat(32));
            prev = all.get(from - 1).hash();
            for (int i = from; i < all.size(); i++) {
                AuditEntry e = all.get(i);
                String forged = AuditChain.hash(other, e.seq(), e.at(), "mallory", e.action(), e.entityType(),
                        e.entityId(), e.beforeJson(), e.afterJson(), prev);
                jdbc.sql("UPDATE audit_log SET prev_hash = ?, hash = ?, key_id = ? WHERE seq = ?")
                        .params(prev, forged, key.id(), e.seq()).update();
                prev = forged;
            }
            AuditVerifier.Result guessed = new AuditVerifier(dataSource, key).verify();
            assertThat(guessed.intact()).isFalse();
            assertThat(guessed.brokenAt()).isEqualTo(all.get(from).seq());
        } finally {
            for (AuditEntry e : all.subList(from, all.size())) {
                jdbc.sql("UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ?, key_id = ? WHERE seq = ?")
                        .params(e.actor(), e.prevHash(), e.hash(), e.keyId(), e.seq()).update();
            }
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete").update();
        }
        assertThat(new AuditVerifier(dataSource, key).verify().intact()).isTrue();
        // the key file is owner-only
        assertThat(key.id()).hasSize(12);
    }

    @Test
    void the_platform_role_may_only_insert_into_the_audit_log_and_a_connection_needs_the_password() throws Exception {
        // as the platform connects: no update even with the trigger gone, no disabling the trigger, no replica mode
        assertThatThrownBy(() -> jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete").update())
                .hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> jdbc.sql("SET session_replication_role = replica").update())
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("COPY (SELECT 1) TO PROGRAM 'true'").update())
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("UPDATE evidence_capture SET note = 'x' WHERE seq = 0").update())
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = 0").update())
                .hasStackTraceContaining("permission denied");
        // a local connection without the password, as any user, is refused
        String url = ((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl();
        for (String user : new String[] {"postgres", "wangjian_app", "wangjian_owner"}) {
            assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, user, "").close())
                    .isInstanceOf(java.sql.SQLException.class);
        }
    }

    @Test
    void deleting_the_newest_links_after_an_anchor_is_reported() {
        audit.record("tester", "thing.changed", "thing", "5", null, Map.of("n", 1));
        AuditEntry last = audit.record("tester", "thing.changed", "thing", "5", null, Map.of("n", 2));
        audit.anchor();
        assertThat(new AuditVerifier(dataSource, key).verify().intact()).isTrue();
        var owner = asOwner();
        owner.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete").update();
        try {
            owner.sql("DELETE FROM audit_log WHERE seq = ?").param(last.seq()).update();
            AuditVerifier.Result r = new AuditVerifier(dataSource, key).verify();
            assertThat(r.intact()).isFalse();
            assertThat(r.describe()).contains("最新的记录已被删除");
        } finally {
            owner.sql("""
                    INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, before_json, after_json,
                                           prev_hash, hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""")
                    .params(last.seq(), java.sql.Timestamp.from(last.at()), last.actor(), last.action(), last.entityType(),
                            last.entityId(), last.beforeJson(), last.afterJson(), last.prevHash(), last.hash(), last.keyId())
                    .update();
            owner.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete").update();
        }
        assertThat(new AuditVerifier(dataSource, key).verify().intact()).isTrue();
    }
}
