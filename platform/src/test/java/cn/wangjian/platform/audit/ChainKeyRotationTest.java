package cn.wangjian.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rotation of the chain key, on a chain of its own (a copy of the audit table in a separate schema, with its own
 * key directory), so that the platform's chain is not touched.
 */
class ChainKeyRotationTest extends PlatformTest {

    @Test
    void a_rotated_key_still_verifies_its_links_the_rotation_is_recorded_and_the_old_key_cannot_sign_later_links()
            throws Exception {
        Path dir = Files.createTempDirectory("rotation");
        JdbcClient owner = asOwner();
        owner.sql("DROP SCHEMA IF EXISTS rotation_test CASCADE").update();
        owner.sql("CREATE SCHEMA rotation_test").update();
        owner.sql("CREATE TABLE rotation_test.audit_log (LIKE public.audit_log INCLUDING DEFAULTS INCLUDING CONSTRAINTS)").update();
        var ds = ownerDataSource("rotation_test");
        JdbcClient jdbc = JdbcClient.create(ds);

        ChainKey first = ChainKey.load(dir, null);
        AuditLog before = new AuditLog(jdbc, clock, first);
        before.record("alice", "case.filed", "case", "1", null, Map.of("n", 1));
        before.record("alice", "case.decided", "case", "1", null, Map.of("n", 2));

        ChainKey.Rotated rotated = ChainKey.rotate(dir);
        assertThat(rotated.from()).isEqualTo(first.id()).isNotEqualTo(rotated.to());
        assertThat(Files.readString(dir.resolve(ChainKey.RETIRED_FILE))).isNotBlank();
        assertThat(Files.getPosixFilePermissions(dir.resolve(ChainKey.RETIRED_FILE)))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        // the next start: the new key signs, the rotation is recorded beside the keys and in the log itself
        ChainKey second = ChainKey.load(dir, null);
        assertThat(second.id()).isEqualTo(rotated.to());
        AuditLog after = new AuditLog(jdbc, clock, second);
        after.recordLegacyLinks();
        after.record("bob", "case.closed", "case", "1", null, Map.of("n", 3));
        assertThat(second.rotations("audit")).singleElement().satisfies(r -> {
            assertThat(r.from()).isEqualTo(first.id());
            assertThat(r.to()).isEqualTo(second.id());
            assertThat(r.afterSeq()).isEqualTo(2);
            assertThat(r.authentic()).isTrue();
        });
        assertThat(jdbc.sql("SELECT action || ' ' || key_id FROM audit_log WHERE seq = 3").query(String.class).single())
                .isEqualTo("chain-key.rotated " + second.id());
        // links of both keys verify (each verification on a connection of its own: it leaves it read-only), and the anchors written with the old key still do
        assertThat(new AuditVerifier(ownerDataSource("rotation_test"), second).verify().intact()).isTrue();
        // restarting again records nothing new
        new AuditLog(jdbc, clock, ChainKey.load(dir, null)).recordLegacyLinks();
        assertThat(second.rotations("audit")).hasSize(1);

        // someone who kept the old key signs a new link with it: reported, at that link
        new AuditLog(jdbc, clock, first).record("mallory", "case.reopened", "case", "1", null, Map.of("n", 5));
        AuditVerifier.Result forged = new AuditVerifier(ownerDataSource("rotation_test"), second).verify();
        assertThat(forged.intact()).isFalse();
        assertThat(forged.brokenAt()).isEqualTo(5);
        assertThat(forged.reason()).contains("退役", "retired key after its rotation");

        // and without the retired key, the platform cannot verify the old links at all
        Files.delete(dir.resolve(ChainKey.RETIRED_FILE));
        AuditVerifier.Result unknown = new AuditVerifier(ownerDataSource("rotation_test"), ChainKey.load(dir, null)).verify();
        assertThat(unknown.brokenAt()).isEqualTo(1);
        assertThat(unknown.reason()).contains("unknown key");
        ds.destroy();
        owner.sql("DROP SCHEMA rotation_test CASCADE").update();
    }
}
