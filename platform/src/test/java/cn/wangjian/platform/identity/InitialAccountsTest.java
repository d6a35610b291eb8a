package cn.wangjian.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

class InitialAccountsTest extends PlatformTest {

    @Test
    void first_start_writes_generated_credentials_readable_by_the_owner_only() throws Exception {
        Path file = dataDir().resolve(InitialAccounts.FILE_NAME);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(lines).hasSize(InitialAccounts.DEMO.size());
        assertThat(lines.get(0)).startsWith("admin ");
        // every demo role is there
        assertThat(InitialAccounts.DEMO.stream().map(InitialAccounts.Demo::role).distinct()).containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void the_printed_passwords_log_in_and_differ_from_each_other() throws Exception {
        List<String[]> accounts = Files.readAllLines(dataDir().resolve(InitialAccounts.FILE_NAME)).stream()
                .filter(l -> !l.startsWith("#")).map(l -> l.trim().split("\\s+")).toList();
        assertThat(accounts.stream().map(a -> a[1]).distinct()).hasSize(accounts.size());
        String[] admin = accounts.get(0);
        assertThat(admin[1]).hasSize(16);
        var me = new cn.wangjian.platform.FormLogin(rest, admin[0], admin[1]).getJson("/api/me");
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).contains("\"ADMIN\"", "\"scope\":\"global\"");
    }
}
