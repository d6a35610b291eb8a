package cn.wangjian.platform.publicity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** The deadlines and display periods of publication as data ({@code publication-rules.json}), with their sources. */
record PublicationRules(int creditChinaWorkingDays, String creditChinaBasis, String gsxtLaw, int sameProvinceWorkingDays,
                        String sameProvinceArticle, int pushWorkingDays, int afterReceiptWorkingDays,
                        String otherProvinceArticle, int withdrawWorkingDays, int shortMonths, int longYears,
                        Map<String, BigDecimal> lowFineThresholdYuan) {

    static PublicationRules load() {
        try (InputStream in = PublicationRules.class.getResourceAsStream("publication-rules.json")) {
            JsonNode r = new ObjectMapper().readTree(in);
            JsonNode g = r.path("gsxt");
            Map<String, BigDecimal> thresholds = new HashMap<>();
            r.path("display").path("lowFineThresholdYuanByProvince").fields()
                    .forEachRemaining(e -> thresholds.put(e.getKey(), new BigDecimal(e.getValue().asText())));
            return new PublicationRules(r.path("creditChina").path("workingDays").asInt(),
                    r.path("creditChina").path("basis").asText(), g.path("law").asText(),
                    g.path("sameProvinceWorkingDays").asInt(), g.path("sameProvinceArticle").asText(),
                    g.path("pushWorkingDays").asInt(), g.path("afterReceiptWorkingDays").asInt(),
                    g.path("otherProvinceArticle").asText(), g.path("withdrawWorkingDays").asInt(),
                    r.path("display").path("shortMonths").asInt(), r.path("display").path("longYears").asInt(),
                    Map.copyOf(thresholds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
