package cn.wangjian.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.NewAccount;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A partner agency's counts imported as CSV: all or nothing, every bad line named, the same file counted once. */
class EntryImportTest extends PlatformTest {

    @Autowired
    EntryImports imports;
    @Autowired
    CampaignStatistics statistics;

    static final LocalDate DAY = LocalDate.of(2015, 6, 10);       // a period no other test writes acts in

    private CurrentUser customs() {
        if (accounts.find("imp.customs").isEmpty()) {
            accounts.create(new NewAccount("imp.customs", "海关联络员", PASSWORD, "CUSTOMS", new RegionCode("440000"),
                    null, Set.of(Role.AGENCY_LIAISON)), "test");
        }
        return accounts.loadUserByUsername("imp.customs");
    }

    private BigDecimal total(String code, String region) {
        return statistics.table(DAY, DAY, new RegionCode(region)).rows().stream()
                .filter(r -> r.indicator().code().equals(code)).findFirst().orElseThrow().total();
    }

    @Test
    void a_file_with_a_region_outside_the_scope_is_refused_whole_with_each_bad_line_named() {
        CurrentUser customs = customs();
        String csv = """
                indicator,region,day,quantity,note
                CUSTOMS_PARCEL_SEIZURES,440300,2015-06-10,12,深圳海关快件渠道
                寄递渠道查获侵权货物,440100,2015-06-10,3,广州海关（按名称）
                CUSTOMS_PARCEL_SEIZURES,310000,2015-06-10,5,上海：不在辖区
                CAC_INFO_CLEARED,440100,2015-06-10,5,别的部门的指标
                CUSTOMS_PARCEL_SEIZURES,440100,2015-13-01,5,日期错
                CUSTOMS_PARCEL_SEIZURES,440100,2015-06-10,五,数量错
                """;
        EntryImports.Refused refused = org.assertj.core.api.Assertions.catchThrowableOfType(EntryImports.Refused.class,
                () -> imports.importCsv("seizures.csv", csv.getBytes(StandardCharsets.UTF_8), customs));
        assertThat(refused.problems()).extracting(EntryImports.Problem::line, EntryImports.Problem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "region"),
                        org.assertj.core.groups.Tuple.tuple(5L, "indicator"),
                        org.assertj.core.groups.Tuple.tuple(6L, "day"),
                        org.assertj.core.groups.Tuple.tuple(7L, "quantity"));
        assertThat(refused.getMessage()).contains("第 4 行", "不在您的辖区内");
        // nothing of it was stored
        assertThat(total("CUSTOMS_PARCEL_SEIZURES", "440000")).isEqualByComparingTo("0");
        assertThatThrownBy(() -> imports.importCsv("x.csv", "region,day\n440100,2015-06-10\n"
                .getBytes(StandardCharsets.UTF_8), customs)).hasMessageContaining("缺少列");
    }

    @Test
    void a_good_file_counts_once_in_gb18030_too_and_through_the_api() {
        CurrentUser customs = customs();
        String csv = "indicator,region,day,quantity,note\n"
                + "寄递渠道查获侵权货物,440300,2015-06-10,7,深圳海关快件渠道查获侵权运动鞋\n"
                + "CUSTOMS_PARCEL_SEIZURES,440100,2015-06-10,2,广州海关邮递渠道\n";
        EntryImports.Imported done = imports.importCsv("gb.csv", csv.getBytes(Charset.forName("GB18030")), customs);
        assertThat(done.rows()).isEqualTo(2);
        assertThat(total("CUSTOMS_PARCEL_SEIZURES", "440000")).isEqualByComparingTo("9");
        assertThat(statistics.acts("CUSTOMS_PARCEL_SEIZURES", null, DAY, DAY, new RegionCode("440300")))
                .extracting(CampaignStatistics.Act::note).containsExactly("深圳海关快件渠道查获侵权运动鞋");
        assertThatThrownBy(() -> imports.importCsv("gb-again.csv", csv.getBytes(Charset.forName("GB18030")),
                customs)).hasMessageContaining("已于");
        assertThat(total("CUSTOMS_PARCEL_SEIZURES", "440000")).isEqualByComparingTo("9");

        // the agency's own system posts a file; a bad one gets every problem back as JSON
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        var ok = withToken("imp.customs").postForEntity("/api/campaign/entries", new HttpEntity<>(
                "indicator,region,day,quantity,note\nCUSTOMS_PARCEL_SEIZURES,440100,2015-06-10,1,API\n"
                        .getBytes(StandardCharsets.UTF_8), headers), String.class);
        assertThat(ok.getStatusCode().value()).isEqualTo(201);
        assertThat(total("CUSTOMS_PARCEL_SEIZURES", "440000")).isEqualByComparingTo("10");
        var bad = withToken("imp.customs").postForEntity("/api/campaign/entries", new HttpEntity<>(
                "indicator,region,day,quantity,note\nCUSTOMS_PARCEL_SEIZURES,110000,2015-06-10,1,北京\n"
                        .getBytes(StandardCharsets.UTF_8), headers), String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("\"line\":2", "\"field\":\"region\"");
        assertThat(rest.postForEntity("/api/campaign/entries", new HttpEntity<>("x".getBytes(), headers),
                String.class).getStatusCode().value()).as("refused without a token").isIn(401, 403);
        assertThat(total("CUSTOMS_PARCEL_SEIZURES", "440000")).isEqualByComparingTo("10");
    }
}
