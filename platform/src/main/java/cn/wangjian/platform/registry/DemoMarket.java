package cn.wangjian.platform.registry;

import cn.wangjian.engine.demo.RegistryMarket;
import cn.wangjian.platform.database.DatabaseProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The demo market: writes the deterministic small registry market ({@link RegistryMarket}) and imports it (subjects,
 * shops, websites, licences and the platforms' listings) the way a regulator would (enterprises partially, since the files carry deliberately bad codes; the rest all-or-nothing).
 * On the first start of the platform, with an empty registry, it is loaded so a new user sees real work.
 */
@Service
public class DemoMarket {

    private static final Logger log = LoggerFactory.getLogger(DemoMarket.class);
    static final long SEED = 7;

    private final RegistryImporter importer;
    private final JdbcClient jdbc;
    private final DatabaseProperties properties;

    DemoMarket(RegistryImporter importer, JdbcClient jdbc, DatabaseProperties properties) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Writes the market of the given scale and seed into {@code dir} and imports it; the reports by file. */
    public Map<String, ImportReport> load(RegistryMarket.Scale scale, long seed, Path dir) {
        try {
            new RegistryMarket(scale, seed).write(dir);
            Map<String, ImportReport> reports = new LinkedHashMap<>();
            for (ImportKind kind : new ImportKind[] {ImportKind.PLATFORMS, ImportKind.ENTERPRISES, ImportKind.SHOPS,
                    ImportKind.WEBSITES, ImportKind.LICENCES, ImportKind.LISTINGS}) {
                String file = kind.name().toLowerCase(java.util.Locale.ROOT)
                        + (kind == ImportKind.LISTINGS ? ".jsonl" : ".csv");
                RegistryImporter.Mode mode = kind == ImportKind.ENTERPRISES
                        ? RegistryImporter.Mode.PARTIAL : RegistryImporter.Mode.ALL_OR_NOTHING;
                ImportReport report = importer.importFile(kind, file, Files.readAllBytes(dir.resolve(file)),
                        java.nio.charset.StandardCharsets.UTF_8, mode, "demo-market");
                if (!report.committed()) {
                    throw new IllegalStateException("演示市场 " + file + " 导入失败 (demo import failed): "
                            + report.rejected().subList(0, Math.min(3, report.rejected().size())));
                }
                reports.put(file, report);
            }
            return reports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads the small market when the registry is empty, or finishes a demo load that a stop or crash interrupted
     * (each file commits whole, and re-importing is an update, so loading again is safe); true when it loaded.
     */
    boolean loadIfEmpty() {
        long demoFiles = jdbc.sql("SELECT count(DISTINCT kind) FROM registry_import WHERE imported_by = 'demo-market'")
                .query(Long.class).single();
        boolean empty = jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single() == 0;
        if (!empty && (demoFiles == 0 || demoFiles == ImportKind.values().length)) {
            return false;                         // a real registry, or the demo market complete
        }
        Path dir = properties.dataDir().resolve("demo-market");
        Map<String, ImportReport> reports = load(RegistryMarket.Scale.SMALL, SEED, dir);
        log.info("已载入演示市场 (demo market loaded) from {}: {}", dir.toAbsolutePath(), reports.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().imported()).toList());
        return true;
    }

    @Configuration
    static class OnFirstStart {
        @Bean
        @Order(10)
        @ConditionalOnProperty(name = "wangjian.bootstrap.demo-market", havingValue = "true", matchIfMissing = true)
        ApplicationRunner demoMarketOnFirstStart(DemoMarket market) {
            return (ApplicationArguments args) -> market.loadIfEmpty();
        }
    }
}
