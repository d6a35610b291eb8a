package cn.wangjian.platform.identity;

import cn.wangjian.platform.database.DatabaseProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start (no user yet) creates the administrator and one demo user per role, each with a generated
 * password that is printed once and written to {@code <data-dir>/initial-credentials.txt}, readable by its owner
 * only. There is no fixed default password anywhere.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "wangjian.bootstrap.initial-accounts", havingValue = "true", matchIfMissing = true)
class InitialAccounts implements ApplicationRunner {

    static final String FILE_NAME = "initial-credentials.txt";

    private final UserAccounts accounts;
    private final DatabaseProperties properties;
    private final TransactionTemplate tx;

    InitialAccounts(UserAccounts accounts, DatabaseProperties properties, TransactionTemplate tx) {
        this.accounts = accounts;
        this.properties = properties;
        this.tx = tx;
    }

    /** A demo account; case officers carry a demo enforcement certificate number (marked DEMO). */
    record Demo(String username, String displayName, String agency, String region, String organization, Role role,
                String certificateNo) {
        Demo(String username, String displayName, String agency, String region, String organization, Role role) {
            this(username, displayName, agency, region, organization, role, null);
        }
    }

    static final List<Demo> DEMO = List.of(
            new Demo("admin", "系统管理员", "SAMR", "000000", null, Role.ADMIN),
            new Demo("bj.monitor", "北京市局监测员", "SAMR", "110000", null, Role.MONITORING_OFFICER),
            // each district bureau: two certified case officers, a legal reviewer and the head (separation of duties)
            new Demo("dc.case", "东城区局执法人员张明", "SAMR", "110101", null, Role.CASE_OFFICER, "DEMO-110101-001"),
            new Demo("dc.case2", "东城区局执法人员李华", "SAMR", "110101", null, Role.CASE_OFFICER, "DEMO-110101-002"),
            new Demo("dc.review", "东城区局法制审核人员王芳", "SAMR", "110101", null, Role.LEGAL_REVIEWER),
            new Demo("dc.head", "东城区局负责人赵强", "SAMR", "110101", null, Role.BUREAU_HEAD),
            new Demo("xc.case", "西城区局执法人员陈静", "SAMR", "110102", null, Role.CASE_OFFICER, "DEMO-110102-001"),
            new Demo("xc.case2", "西城区局执法人员刘洋", "SAMR", "110102", null, Role.CASE_OFFICER, "DEMO-110102-002"),
            new Demo("xc.review", "西城区局法制审核人员周敏", "SAMR", "110102", null, Role.LEGAL_REVIEWER),
            new Demo("xc.head", "西城区局负责人吴军", "SAMR", "110102", null, Role.BUREAU_HEAD),
            new Demo("bj.credit", "北京市局信用管理员", "SAMR", "110000", null, Role.CREDIT_OFFICER),
            new Demo("campaign", "专项行动协调人", "SAMR", "000000", null, Role.CAMPAIGN_COORDINATOR),
            new Demo("bj.police", "北京市公安局联络员", "MPS", "110000", null, Role.AGENCY_LIAISON),
            new Demo("platform.demo", "示例电商平台合规专员", null, "110000", "示例电商平台", Role.PLATFORM_COMPLIANCE));

    @Override
    public void run(ApplicationArguments args) {
        List<String[]> created = tx.execute(status -> {
            if (accounts.any()) {
                return List.of();
            }
            List<String[]> out = new ArrayList<>();
            for (Demo d : DEMO) {
                String password = GeneratedPasswords.next();
                accounts.create(new NewAccount(d.username(), d.displayName(), password, d.agency(),
                        new RegionCode(d.region()), d.organization(), Set.of(d.role())), "system");
                if (d.certificateNo() != null) {
                    accounts.setCertificate(d.username(), d.certificateNo(), "system");
                }
                out.add(new String[] {d.username(), password, d.role().label(), d.displayName()});
            }
            return out;
        });
        if (created == null || created.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append("# wangjian 网监 — 首次启动生成的初始账号（只显示一次，请妥善保管并尽快分发）\n");
        text.append("# initial accounts generated on first start; keep this file private\n");
        for (String[] c : created) {
            text.append(String.format("%-14s %-20s %s（%s）%n", c[0], c[1], c[2], c[3]));
        }
        Path file = properties.dataDir().resolve(FILE_NAME);
        write(file, text.toString());
        System.out.println();
        System.out.print(text);
        System.out.println("# 已写入 " + file.toAbsolutePath() + "（仅所有者可读）");
        System.out.println();
    }


    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入初始账号文件 " + file, e);
        }
    }
}
