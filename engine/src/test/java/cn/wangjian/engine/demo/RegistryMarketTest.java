package cn.wangjian.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.engine.registry.NumberFormats;
import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryMarketTest {

    @TempDir
    Path tmp;

    private static List<String[]> rows(Path dir, String file) throws IOException {
        return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.split(",", -1)).toList();
    }

    @Test
    void the_same_seed_writes_the_same_bytes_and_another_seed_another_market() throws IOException {
        new RegistryMarket(RegistryMarket.Scale.SMALL, 7).write(tmp.resolve("a"));
        new RegistryMarket(RegistryMarket.Scale.SMALL, 7).write(tmp.resolve("b"));
        new RegistryMarket(RegistryMarket.Scale.SMALL, 8).write(tmp.resolve("c"));
        for (String f : List.of("enterprises.csv", "shops.csv", "websites.csv", "licences.csv", "ground-truth.csv")) {
            assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f))).as(f).isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
        }
        assertThat(Files.readAllBytes(tmp.resolve("a").resolve("shops.csv")))
                .isNotEqualTo(Files.readAllBytes(tmp.resolve("c").resolve("shops.csv")));
    }

    @Test
    void only_the_planted_codes_are_invalid_and_the_rates_are_near_the_stated_ones() throws IOException {
        RegistryMarket.Summary summary = new RegistryMarket(RegistryMarket.Scale.SMALL, 11).write(tmp);
        List<String[]> enterprises = rows(tmp, "enterprises.csv");
        Set<String> planted = rows(tmp, "ground-truth.csv").stream().filter(t -> t[0].equals("IMPORT_REJECTED"))
                .map(t -> t[2]).collect(Collectors.toSet());
        assertThat(enterprises).hasSize(1000);
        assertThat(enterprises).allSatisfy(e ->
                assertThat(UnifiedSocialCreditCode.isValid(e[0])).as(e[0]).isEqualTo(!planted.contains(e[0])));
        assertThat(enterprises.stream().map(e -> e[1]).distinct().count()).isEqualTo(1000);
        assertThat(rows(tmp, "shops.csv")).hasSize(5000);
        assertThat(summary.planted().get("LICENCE_INFO_NOT_DISPLAYED")).isBetween(100, 200); // 3 % of 5,000
        assertThat(summary.planted().get("OPERATOR_NOT_ACTIVE")).isBetween(50, 160);          // 2 % of operators
        for (String[] l : rows(tmp, "licences.csv")) {
            boolean malformed = NumberFormats.builtIn().problem("FOOD_BUSINESS_LICENCE", l[1]).isPresent();
            assertThat(malformed).as(l[1]).isEqualTo(l[1].startsWith("JY-"));
        }
    }

    @Test
    void an_unknown_scale_is_refused() {
        assertThatThrownBy(() -> RegistryMarket.Scale.parse("huge")).hasMessageContaining("small、medium 或 large");
    }
}
