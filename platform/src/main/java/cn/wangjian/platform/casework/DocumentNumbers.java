package cn.wangjian.platform.casework;

import cn.wangjian.platform.identity.Directory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Document numbers of a bureau: {@code <province abbreviation><district first character>市监<kind>〔YYYY〕<n>号}, e.g.
 * 京东市监处罚〔2026〕12号, counted per bureau, year and kind in one row updated atomically.
 */
@Component
class DocumentNumbers {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final JsonNode abbreviations;

    DocumentNumbers(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
        try (InputStream in = DocumentNumbers.class.getResourceAsStream("province-abbreviations.json")) {
            this.abbreviations = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bureau's prefix, e.g. 京东 for 东城区, 京 for 北京市, 国 for the national administration. */
    String prefix(String region) {
        if (region.equals("000000")) {
            return "国";
        }
        String province = abbreviations.path(region.substring(0, 2)).asText("");
        if (region.endsWith("0000")) {
            return province;
        }
        String name = directory.region(region).map(r -> r.name()).orElse("");
        return province + (name.isEmpty() || name.equals("市辖区") ? "" : name.substring(0, 1));
    }

    String next(String agency, String region, int year, String kind) {
        int n = jdbc.sql("""
                INSERT INTO document_number_counter (agency_code, region_code, year, kind, last_value)
                VALUES (?, ?, ?, ?, 1)
                ON CONFLICT (agency_code, region_code, year, kind)
                DO UPDATE SET last_value = document_number_counter.last_value + 1
                RETURNING last_value""").params(agency, region, year, kind).query(Integer.class).single();
        return prefix(region) + "市监" + kind + "〔" + year + "〕" + n + "号";
    }
}
