package cn.wangjian.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.platform.PlatformTest;
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

    @Test
    void links_chain_and_record_before_and_after() {
        AuditEntry first = audit.record("tester", "thing.changed", "thing", "1", Map.of("b", 1, "a", 2), Map.of("a", 3));
        AuditEntry second = audit.record("tester", "thing.changed", "thing", "1", Map.of("a", 3), null);
        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(first.beforeJson()).isEqualTo("{\"a\":2,\"b\":1}");
        assertThat(AuditChain.hashOf(first)).isEqualTo(first.hash());
        assertThat(audit.forEntity("thing", "1")).extracting(AuditEntry::seq).contains(first.seq(), second.seq());
        assertThat(new AuditVerifier(dataSource).verify().intact()).isTrue();
    }

    @Test
    void the_database_refuses_updates_and_deletes() {
        audit.record("tester", "thing.changed", "thing", "2", null, Map.of("x", 1));
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
        // a superuser with direct database access bypasses the trigger: the chain still shows it
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete").update();
        try {
            jdbc.sql("UPDATE audit_log SET after_json = '{\"amount\":1}' WHERE seq = ?").param(a.seq()).update();
            AuditVerifier.Result result = new AuditVerifier(dataSource).verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.brokenAt()).isEqualTo(a.seq());
            assertThat(result.describe()).contains("第 " + a.seq() + " 条", "内容已被改动");
        } finally {
            jdbc.sql("UPDATE audit_log SET after_json = ? WHERE seq = ?").params(a.afterJson(), a.seq()).update();
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete").update();
        }
        assertThat(new AuditVerifier(dataSource).verify().intact()).isTrue();
    }
}
