package cn.wangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems a user can fix get one clear line and a non-zero exit code, and the platform is not started. */
class CommandsTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private final AtomicBoolean served = new AtomicBoolean();

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private int run(String... args) {
        return Commands.run(args, a -> served.set(true));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_port_in_use_is_one_line_and_exit_2() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            int code = run("serve", "--server.port=" + busy.getLocalPort());
            assertThat(code).isEqualTo(2);
            assertThat(stderr().strip()).contains("端口 " + busy.getLocalPort() + " 已被占用", "already in use")
                    .doesNotContain("\n").doesNotContain("Exception");
            assertThat(served).isFalse();
        }
    }

    @Test
    void an_unreachable_database_is_one_line_and_exit_2() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        int code = run("serve", "--server.port=0", "--wangjian.db.url=jdbc:postgresql://localhost:" + freePort
                + "/wangjian?password=secret");
        assertThat(code).isEqualTo(2);
        assertThat(stderr().strip()).contains("无法连接数据库", "cannot connect").doesNotContain("secret")
                .doesNotContain("\n");
        assertThat(served).isFalse();
    }

    @Test
    void a_bad_port_number_is_refused() {
        assertThat(run("serve", "--server.port=http")).isEqualTo(2);
        assertThat(stderr()).contains("端口必须是数字");
    }

    @Test
    void an_unknown_command_is_refused() {
        assertThat(run("frobnicate")).isEqualTo(64);
        assertThat(stderr()).contains("未知命令 frobnicate");
    }

    @Test
    void audit_verify_on_an_empty_data_directory_says_so(@TempDir Path empty) {
        assertThat(run("audit-verify", "--wangjian.data-dir=" + empty)).isEqualTo(2);
        assertThat(stderr()).contains("没有数据库");
    }

    @Test
    void a_free_port_starts_the_platform() {
        assertThat(run("serve", "--server.port=0")).isEqualTo(Commands.CONTINUE);
        assertThat(served).isTrue();
    }

    @Test
    void the_command_line_imports_the_registry_and_a_platforms_orders_without_a_web_server(@TempDir Path dir)
            throws Exception {
        Path platforms = dir.resolve("platforms.csv");
        java.nio.file.Files.writeString(platforms, "code,name\ncli-mall,命令行商城\n");
        Path shops = dir.resolve("shops.csv");
        java.nio.file.Files.writeString(shops, "platform,shop_id,shop_name\ncli-mall,C1,命令行一店\n");
        Path orders = dir.resolve("orders.csv");
        java.nio.file.Files.writeString(orders, "order_id,buyer,shop_id,ordered_at,amount\n"
                + "K-1," + "ab".repeat(32) + ",C1,2026-11-20T10:00:00,12.50\n"
                + "K-2,13800138000,C1,2026-11-20T10:00:00,12.50\n");
        String data = "--wangjian.data-dir=" + dir.resolve("data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("import", "platforms", platforms.toString(), data)).isZero();
            assertThat(run("import", "shops", shops.toString(), data)).isZero();
            // one clear-text buyer: refused by line, the other row kept (partial), exit 1
            assertThat(run("import", "orders", orders.toString(), "--platform", "cli-mall", "--partial", data))
                    .isEqualTo(1);
            assertThat(run("import", "orders", orders.toString(), data)).isEqualTo(2);
        } finally {
            System.setOut(originalOut);
        }
        assertThat(stderr()).contains("写入 1 行", "第 3 行", "字段 buyer", "--platform CODE")
                .doesNotContain("13800138000");
    }
}
