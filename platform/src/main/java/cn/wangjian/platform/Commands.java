package cn.wangjian.platform;

import cn.wangjian.platform.audit.AuditVerifier;
import cn.wangjian.platform.database.EmbeddedDatabase;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The commands of the platform jar (the launcher {@code ./wangjian} calls them): {@code serve} (the default),
 * {@code audit-verify}, {@code import}, {@code capture}, {@code evidence-verify} and the engine's {@code scan},
 * {@code brushing} and {@code demo-data}. Options come as {@code --name=value} or from the environment; problems that a user can
 * fix are reported in one line with a non-zero exit code, not as a stack trace.
 */
final class Commands {

    static final int CONTINUE = -1;

    private Commands() {
    }

    record Options(String dataDir, String dbUrl, String dbUser, String dbPassword, int port) {

        static Options parse(String[] args, Map<String, String> env) {
            String dataDir = option(args, "wangjian.data-dir", env.getOrDefault("WANGJIAN_DATA_DIR", "data"));
            String url = option(args, "wangjian.db.url", env.getOrDefault("WANGJIAN_DB_URL", ""));
            String user = option(args, "wangjian.db.user", env.getOrDefault("WANGJIAN_DB_USER", ""));
            String password = option(args, "wangjian.db.password", env.getOrDefault("WANGJIAN_DB_PASSWORD", ""));
            String port = option(args, "server.port", env.getOrDefault("WANGJIAN_PORT", "8080"));
            int p;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new UsageException("端口必须是数字 (port must be a number): " + port);
            }
            if (p < 0 || p > 65535) {
                throw new UsageException("端口超出范围 0-65535 (port out of range): " + p);
            }
            return new Options(dataDir, url, user, password, p);
        }

        boolean externalDatabase() {
            return !dbUrl.isBlank();
        }

        private static String option(String[] args, String name, String fallback) {
            String prefix = "--" + name + "=";
            for (String a : args) {
                if (a.startsWith(prefix)) {
                    return a.substring(prefix.length());
                }
            }
            return fallback;
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** Runs a command; returns its exit code, or {@link #CONTINUE} while the platform serves. */
    static int run(String[] args, Consumer<String[]> serve) {
        String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "serve";
        String[] rest = args.length > 0 && !args[0].startsWith("-")
                ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        if (command.equals("scan")) {
            return cn.wangjian.engine.cli.ScanCli.run(rest, System.in, System.out, System.err);
        }
        if (command.equals("demo-data")) {
            return cn.wangjian.engine.cli.DemoDataCli.run(rest, System.out, System.err);
        }
        if (command.equals("deadline")) {
            return cn.wangjian.engine.cli.DeadlineCli.run(rest, System.out, System.err);
        }
        if (command.equals("db-roles")) {
            // the roles for an external PostgreSQL, for its administrator to run
            try (var in = Commands.class.getResourceAsStream("/db/external/roles.sql")) {
                System.out.print(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                return 0;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (command.equals("brushing")) {
            return cn.wangjian.engine.cli.BrushingCli.run(rest, System.out, System.err);
        }
        try {
            Options options = Options.parse(rest, System.getenv());
            String clock = Options.option(rest, "wangjian.clock", System.getenv().getOrDefault("WANGJIAN_CLOCK", ""));
            try {
                cn.wangjian.engine.time.Clocks.of(clock, java.time.Clock.systemUTC());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return switch (command) {
                case "serve" -> {
                    preflight(options);
                    serve.accept(rest);
                    yield CONTINUE;
                }
                case "audit-verify" -> auditVerify(options);
                case "import" -> importFile(rest, options);
                case "capture" -> capture(rest, options);
                case "monitor" -> monitor(rest, options);
                case "evidence-verify" -> evidenceVerify(options);
                case "calendar" -> calendar(rest, options);
                case "chain-key" -> chainKey(rest, options);
                case "brushing-run" -> brushingRun(rest, options);
                default -> {
                    System.err.println("错误：未知命令 " + command + " (unknown command)");
                    yield 64;
                }
            };
        } catch (UsageException e) {
            System.err.println("错误：" + e.getMessage());
            return 2;
        }
    }

    /** What would otherwise fail deep inside the start-up: a port in use, an unreachable database. */
    static void preflight(Options options) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(options.port()));
        } catch (BindException e) {
            throw new UsageException("端口 " + options.port() + " 已被占用，请用 --port 指定其他端口 (port "
                    + options.port() + " is already in use)");
        } catch (IOException e) {
            throw new UsageException("无法使用端口 " + options.port() + " (cannot bind port): " + e.getMessage());
        }
        if (options.externalDatabase()) {
            checkConnection(options);
        }
    }

    private static void checkConnection(Options options) {
        DriverManager.setLoginTimeout(10);
        try (Connection c = DriverManager.getConnection(options.dbUrl(), options.dbUser(), options.dbPassword())) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new UsageException("无法连接数据库 " + withoutCredentials(options.dbUrl()) + " (cannot connect to the database): "
                    + firstLine(e.getMessage()));
        }
    }

    /**
     * {@code import KIND FILE [--partial] [--encoding E]}: runs the registry import without the web server, on the
     * platform's database (attached to the running platform's embedded server, or started for the import).
     */
    static int importFile(String[] args, Options options) {
        List<String> positional = new java.util.ArrayList<>();
        boolean partial = false;
        String encoding = "auto";
        String platform = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--partial")) {
                partial = true;
            } else if (a.equals("--encoding") && i + 1 < args.length) {
                encoding = args[++i];
            } else if (a.equals("--platform") && i + 1 < args.length) {
                platform = args[++i];
            } else if (!a.startsWith("--")) {
                positional.add(a);
            }
        }
        if (positional.size() != 2) {
            throw new UsageException("用法 (usage): import KIND FILE [--partial] [--encoding UTF-8|GB18030]；KIND 为 "
                    + "enterprises、platforms、shops、websites、licences、listings，或交易数据 orders、reviews、parcels（需 --platform CODE）");
        }
        Path file = Path.of(positional.get(1));
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new UsageException("无法读取文件 (cannot read) " + file);
        }
        if (options.externalDatabase()) {
            checkConnection(options);
        }
        if (java.util.Set.of("orders", "reviews", "parcels").contains(positional.get(0))) {
            return importTrade(positional.get(0), file, platform, partial, encoding, args);
        }
        try (var context = withoutWebServer(args)) {
            var importer = context.getBean(cn.wangjian.platform.registry.RegistryImporter.class);
            var report = importer.importFile(cn.wangjian.platform.registry.ImportKind.parse(positional.get(0)),
                    file, charset(encoding),
                    partial ? cn.wangjian.platform.registry.RegistryImporter.Mode.PARTIAL
                            : cn.wangjian.platform.registry.RegistryImporter.Mode.ALL_OR_NOTHING,
                    "cli:" + System.getProperty("user.name", "?"));
            (report.rejected().isEmpty() ? System.out : System.err).print(report.describe());
            return report.rejected().isEmpty() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("无法读取文件 (cannot read) " + file + ": " + e.getMessage());
        }
    }

    /** {@code import orders|reviews|parcels FILE --platform CODE}: a platform's transactions from a file. */
    private static int importTrade(String kind, Path file, String platform, boolean partial, String encoding,
                                   String[] args) {
        if (platform == null) {
            throw new UsageException("导入交易数据需指明平台 (the platform is needed): --platform CODE");
        }
        java.nio.charset.Charset cs = encoding.equals("auto") ? java.nio.charset.StandardCharsets.UTF_8 : charset(encoding);
        try (var context = withoutWebServer(args);
             var reader = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                     cs.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)), 1 << 16)) {
            var registry = context.getBean(cn.wangjian.platform.registry.Registry.class);
            if (registry.platformName(platform).isEmpty()) {
                throw new UsageException("没有这个平台 (no such platform): " + platform);
            }
            var report = context.getBean(cn.wangjian.platform.trade.TradeReporting.class).report(platform,
                    cn.wangjian.platform.trade.TradeKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), reader,
                    partial ? cn.wangjian.platform.trade.TradeReporting.Mode.PARTIAL
                            : cn.wangjian.platform.trade.TradeReporting.Mode.ALL_OR_NOTHING,
                    "cli:" + System.getProperty("user.name", "?"));
            var out = report.rejected().isEmpty() ? System.out : System.err;
            out.printf("%s：读取 %d 行，写入 %d 行，未变 %d 行，拒绝 %d 行%s (%d rows, %d stored, %d unchanged, %d rejected)%n",
                    report.kind().label(), report.rows(), report.stored(), report.unchanged(), report.rejected().size(),
                    report.committed() ? "" : "，未导入（全部或全不模式）", report.rows(), report.stored(),
                    report.unchanged(), report.rejected().size());
            report.rejected().forEach(r -> out.println("  第 " + r.line() + " 行 (line " + r.line() + "): " + r.reason()));
            return report.rejected().isEmpty() ? 0 : 1;
        } catch (IOException e) {
            throw new UsageException("无法读取文件 (cannot read) " + file + ": " + e.getMessage());
        }
    }

    /**
     * {@code calendar import NOTICE.txt [--year Y] [--replace] [--dry-run]} and {@code calendar list}: the working-day
     * calendar's years from the State Council's notices, on the platform's database.
     */
    static int calendar(String[] args, Options options) {
        List<String> positional = new java.util.ArrayList<>();
        Integer year = null;
        boolean replace = false;
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--wangjian.") || a.startsWith("--server.")) {
                continue;
            }
            switch (a) {
                case "--replace" -> replace = true;
                case "--dry-run" -> dryRun = true;
                case "--year" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageException("--year 缺少年份 (needs a year)");
                    }
                    try {
                        year = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--year 应为年份，如 2027 (not a year): " + args[i]);
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new UsageException("未知参数 (unknown option): " + a);
                    }
                    positional.add(a);
                }
            }
        }
        boolean list = positional.size() == 1 && positional.get(0).equals("list");
        if (!list && (positional.size() != 2 || !positional.get(0).equals("import"))) {
            throw new UsageException("用法 (usage): calendar import NOTICE.txt [--year Y] [--replace] [--dry-run] | calendar list");
        }
        String text = null;
        if (!list) {
            Path file = Path.of(positional.get(1));
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (bytes.length > 200_000) {
                    throw new UsageException(file + "：文件过大，通知全文通常不足 2 千字 (file too large)");
                }
                text = cn.wangjian.engine.registry.TextEncoding.decode(bytes,
                        cn.wangjian.engine.registry.TextEncoding.detect(bytes));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new UsageException(file + "：不是 UTF-8 或 GB18030 文本 (not UTF-8 or GB18030 text)");
            } catch (IOException e) {
                throw new UsageException(file + "：无法读取 (cannot read): " + e.getMessage());
            }
        }
        if (options.externalDatabase()) {
            checkConnection(options);
        }
        try (var context = withoutWebServer(args)) {
            var command = context.getBean(cn.wangjian.platform.calendar.CalendarCommand.class);
            return list ? command.list(System.out) : command.importNotice(text, year, replace, dryRun,
                    "cli:" + System.getProperty("user.name", "?"), System.out, System.err);
        }
    }

    /** The platform's services on its database, without the web server and without first-start data. */
    private static org.springframework.context.ConfigurableApplicationContext withoutWebServer(String[] args) {
        List<String> springArgs = new java.util.ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--wangjian.") || a.startsWith("--server.")) {
                springArgs.add(a);
            }
        }
        springArgs.add("--wangjian.bootstrap.initial-accounts=false");
        springArgs.add("--wangjian.bootstrap.demo-clues=false");
        springArgs.add("--wangjian.bootstrap.demo-market=false");
        springArgs.add("--wangjian.bootstrap.demo-trade=false");
        springArgs.add("--wangjian.trade.retention-scheduler=false");
        springArgs.add("--wangjian.monitoring.scheduler=false");
        springArgs.add("--logging.level.root=WARN");
        springArgs.add("--logging.level.cn.wangjian=WARN");
        return new org.springframework.boot.builder.SpringApplicationBuilder(WangjianApplication.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .run(springArgs.toArray(String[]::new));
    }

    /**
     * {@code capture URL [--allow-host HOST]… [--agency CODE] [--region CODE]}: fixes a page as evidence and
     * prints its SHA-256. Internal addresses are refused unless their host is allowed.
     */
    static int capture(String[] args, Options options) {
        List<String> positional = new java.util.ArrayList<>();
        java.util.Set<String> allowed = new java.util.HashSet<>();
        String agency = "SAMR";
        String region = "000000";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--allow-host") && i + 1 < args.length) {
                allowed.add(args[++i]);
            } else if (a.equals("--agency") && i + 1 < args.length) {
                agency = args[++i].toUpperCase(java.util.Locale.ROOT);
            } else if (a.equals("--region") && i + 1 < args.length) {
                region = args[++i];
            } else if (!a.startsWith("--")) {
                positional.add(a);
            }
        }
        if (positional.size() != 1) {
            throw new UsageException("用法 (usage): capture URL [--allow-host HOST]… [--agency CODE] [--region CODE]");
        }
        if (!region.matches("\\d{6}")) {
            throw new UsageException("--region 应为6位行政区划代码 (region must be 6 digits): " + region);
        }
        if (options.externalDatabase()) {
            checkConnection(options);
        }
        try (var context = withoutWebServer(args)) {
            var capturer = context.getBean(cn.wangjian.platform.evidence.Capturer.class);
            var result = capturer.capture(positional.get(0), "cli:" + System.getProperty("user.name", "?"), agency,
                    region, allowed);
            if (!result.captured()) {
                System.err.println("取证失败 (" + result.outcome() + "): " + result.reason());
                return 1;
            }
            var c = result.capture();
            System.out.println(c.contentSha256() + "  " + c.url());
            System.out.println("证据序号 (evidence no.) " + c.seq() + "，HTTP " + c.httpStatus() + "，" + c.contentSize()
                    + " 字节" + (c.screenshotSha256() == null ? "" : "，截图 " + c.screenshotSha256())
                    + (c.note() == null ? "" : "；" + c.note()));
            return 0;
        }
    }

    /**
     * {@code monitor [--task ID]}: runs a monitoring task (by default every enabled task) on the platform's database
     * without the web server, and prints each run's figures.
     */
    static int monitor(String[] args, Options options) {
        Long taskId = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--task") && i + 1 < args.length) {
                try {
                    taskId = Long.parseLong(args[++i]);
                } catch (NumberFormatException e) {
                    throw new UsageException("--task 应为任务编号 (task id must be a number): " + args[i]);
                }
            }
        }
        if (options.externalDatabase()) {
            checkConnection(options);
        }
        try (var context = withoutWebServer(args)) {
            var monitoring = context.getBean(cn.wangjian.platform.monitoring.MonitoringCommand.class);
            return monitoring.run(taskId, System.out, System.err);
        }
    }

    /** {@code evidence-verify}: the evidence chain and every stored object. */
    /**
     * {@code brushing-run --platform CODE --from DATE --to DATE --as USER}: brushing monitoring over a platform's
     * reported orders, as that monitoring officer (the rings are theirs to review), without the web server.
     */
    static int brushingRun(String[] args, Options options) {
        String platform = flag(args, "platform");
        String from = flag(args, "from");
        String to = flag(args, "to");
        String as = flag(args, "as");
        if (platform == null || from == null || to == null || as == null) {
            throw new UsageException("用法 (usage): ./wangjian brushing-run --platform CODE --from YYYY-MM-DD --to YYYY-MM-DD"
                    + " --as USER");
        }
        if (options.externalDatabase()) {
            checkConnection(options);
        }
        try (var context = withoutWebServer(args)) {
            var officer = context.getBean(cn.wangjian.platform.identity.UserAccounts.class).find(as)
                    .orElseThrow(() -> new UsageException("没有这个用户 (no such user): " + as));
            long started = System.nanoTime();
            var run = context.getBean(cn.wangjian.platform.brushing.BrushingMonitor.class).run(platform,
                    java.time.LocalDate.parse(from), java.time.LocalDate.parse(to), officer);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("刷单监测：平台 %s，%s 至 %s，订单 %d 笔，疑似团伙 %d 个（新增 %d），用时 %d ms，堆内存 %d MB"
                            + " (orders, rings, new, time, heap in use)%n", platform, from, to, run.orders(), run.rings(),
                    run.newRings(), (System.nanoTime() - started) / 1_000_000,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
            return 0;
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("日期应为 YYYY-MM-DD (not a date): " + e.getParsedString());
        } catch (cn.wangjian.platform.brushing.BrushingRefusedException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The value of {@code --name VALUE} or {@code --name=VALUE}, or null. */
    private static String flag(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--" + name) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--" + name + "=")) {
                return args[i].substring(name.length() + 3);
            }
        }
        return null;
    }

    /** {@code chain-key rotate}: a new chain key; the old one is kept to verify what it signed. */
    static int chainKey(String[] args, Options options) {
        List<String> rest = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        if (rest.size() != 1 || !rest.get(0).equals("rotate")) {
            throw new UsageException("用法 (usage): ./wangjian chain-key rotate [--data-dir DIR]");
        }
        if (!System.getenv().getOrDefault("WANGJIAN_CHAIN_KEY", "").isBlank()
                || !System.getProperty("wangjian.chain.key", "").isBlank()) {
            throw new UsageException("密钥由配置 WANGJIAN_CHAIN_KEY 提供：请把旧密钥加入 WANGJIAN_CHAIN_RETIRED_KEYS，"
                    + "再把新密钥设为 WANGJIAN_CHAIN_KEY (the key is configured: retire it in WANGJIAN_CHAIN_RETIRED_KEYS)");
        }
        Path dir = Path.of(options.dataDir());
        if (!java.nio.file.Files.exists(dir.resolve(cn.wangjian.platform.audit.ChainKey.FILE))) {
            throw new UsageException("数据目录中没有审计链密钥 " + dir.resolve(cn.wangjian.platform.audit.ChainKey.FILE));
        }
        var rotated = cn.wangjian.platform.audit.ChainKey.rotate(dir);
        System.out.println("已轮换审计链密钥：" + rotated.from() + " → " + rotated.to() + "（旧密钥保存在 "
                + dir.resolve(cn.wangjian.platform.audit.ChainKey.RETIRED_FILE) + "，仍用于核验其签名的记录）。"
                + "平台下次启动时使用新密钥，并在审计日志与 " + cn.wangjian.platform.audit.ChainKey.ROTATIONS_FILE
                + " 中记录此次轮换。(chain key rotated; takes effect at the next start)");
        return 0;
    }

    static int evidenceVerify(Options options) {
        return withDataSource(options, ds -> {
            var result = new cn.wangjian.platform.evidence.EvidenceVerifier(ds, Path.of(options.dataDir())).verify();
            (result.intact() ? System.out : System.err).println(result.describe());
            return result.intact() ? 0 : 1;
        });
    }

    private static int withDataSource(Options options, java.util.function.ToIntFunction<DataSource> work) {
        if (options.externalDatabase()) {
            checkConnection(options);
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(options.dbUrl());
            if (!options.dbUser().isBlank()) {
                ds.setUser(options.dbUser());
                ds.setPassword(options.dbPassword());
            }
            return work.applyAsInt(ds);
        }
        Path pgData = Path.of(options.dataDir()).resolve("pgdata").toAbsolutePath();
        if (!Files.exists(pgData.resolve("PG_VERSION"))) {
            throw new UsageException("数据目录 " + Path.of(options.dataDir()).toAbsolutePath()
                    + " 中没有数据库，请先运行 ./wangjian serve (no database in the data directory)");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.open(pgData)) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(db.jdbcUrl());
            ds.setUser(db.username());
            ds.setPassword(db.password());
            try {
                return work.applyAsInt(ds);
            } catch (IllegalStateException e) {
                throw new UsageException(firstLine(e.getMessage()));
            }
        }
    }

    private static java.nio.charset.Charset charset(String encoding) {
        if (encoding.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return cn.wangjian.engine.registry.TextEncoding.allowed(encoding);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static int auditVerify(Options options) {
        cn.wangjian.platform.audit.ChainKey key;
        try {
            key = cn.wangjian.platform.audit.ChainKey.fromEnvironment(Path.of(options.dataDir()));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new UsageException(firstLine(e.getMessage()));
        }
        return withDataSource(options, ds -> verify(ds, key));
    }

    private static int verify(DataSource ds, cn.wangjian.platform.audit.ChainKey key) {
        try {
            AuditVerifier.Result result = new AuditVerifier(ds, key).verify();
            (result.intact() ? System.out : System.err).println(result.describe());
            return result.intact() ? 0 : 1;
        } catch (IllegalStateException e) {
            throw new UsageException(firstLine(e.getMessage()));
        }
    }

    private static String withoutCredentials(String url) {
        return url.replaceAll("(?i)(password|user)=[^&]*", "$1=***");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
