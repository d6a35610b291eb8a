package cn.wangjian.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.NewAccount;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Clues verified, cases filed and cases transferred to the police are counted from the case's own steps. */
class CaseActsTest extends PlatformTest {

    @Autowired
    CaseFiles cases;
    @Autowired
    ClueRegister clues;
    @Autowired
    CampaignStatistics statistics;

    @Test
    void filing_not_filing_and_a_transfer_to_the_police_are_counted_as_they_happen() {
        Bureau b = bureau("acts", "110108");
        CurrentUser officer = b.officer();
        long filed = cases.open(clues.register(new NewClue("网店销售假冒注册商标的白酒", ClueSource.MONITORING, "北京某酒业商行",
                null, "监测发现，涉案金额较大"), officer).id(), LocalDate.of(2026, 6, 1), officer).id();
        cases.step(filed, "file", Map.of("on", "2026-06-03", "officers", "acts.c1, acts.c2"), b.actorOf("file"));
        cases.step(filed, "propose-transfer", Map.of("on", "2026-06-20", "offence", "涉嫌销售假冒注册商标的商品罪"), b.actorOf("propose-transfer"));
        cases.step(filed, "approve-transfer", Map.of("on", "2026-06-22"), b.actorOf("approve-transfer"));
        cases.step(filed, "transfer", Map.of("on", "2026-06-24", "receipt", "京公(经)受字〔2026〕18号"), b.actorOf("transfer"));
        long declined = cases.open(clues.register(new NewClue("消费者举报网店虚假宣传", ClueSource.REPORT, "北京某商贸公司",
                null, "经核查，宣传内容有据可查"), officer).id(), LocalDate.of(2026, 6, 2), officer).id();
        cases.step(declined, "decline", Map.of("on", "2026-06-05", "reason", "违法事实不成立"), b.actorOf("decline"));
        assertThat(clues.find(cases.find(declined, officer.dataScope()).orElseThrow().clueId(), officer.dataScope())
                .orElseThrow().status()).isEqualTo(cn.wangjian.platform.clue.ClueStatus.CLOSED);   // not filed: dealt with

        // a case decided: its filing is counted under the violation category the decision found
        String base = "91110108MA0ACT001";
        String code = base + cn.wangjian.engine.registry.UnifiedSocialCreditCode.checkCharacter(base);
        long decided = cases.open(clues.register(new NewClue("网店虚构原价", ClueSource.MONITORING, "北京某电器商行",
                code, "监测发现"), officer).id(), LocalDate.of(2026, 6, 1), officer).id();
        cases.step(decided, "file", Map.of("on", "2026-06-02", "officers", "acts.c1, acts.c2"), b.actorOf("file"));
        cases.step(decided, "submit", Map.of("findings", "虚构原价"), b.actorOf("submit"));
        cases.step(decided, "legal-review", Map.of("on", "2026-06-08", "opinion", "事实清楚，证据确凿，适用依据正确，程序合法"), b.reviewer());
        cases.step(decided, "serve-notice", Map.of("on", "2026-06-08", "proposedPenalty", "罚款", "hearingRight",
                "true"), b.actorOf("serve-notice"));
        cases.step(decided, "decide", Map.of("on", "2026-06-29", "penalty", "罚款", "legalBasis",
                "《明码标价和禁止价格欺诈规定》第十九条", "violationType", "PRICE_FRAUD", "kind.FINE", "on",
                "fineYuan", "5000", "creditCode", code), b.actorOf("decide"));

        RegionCode haidian = new RegionCode("110108");
        LocalDate from = LocalDate.of(2026, 6, 1);
        LocalDate to = LocalDate.of(2026, 6, 30);
        assertThat(statistics.acts("CLUES_HANDLED", null, from, to, haidian))
                .extracting(CampaignStatistics.Act::sourceId, CampaignStatistics.Act::occurredOn)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Long.toString(filed), LocalDate.of(2026, 6, 3)),
                        org.assertj.core.groups.Tuple.tuple(Long.toString(declined), LocalDate.of(2026, 6, 5)),
                        org.assertj.core.groups.Tuple.tuple(Long.toString(decided), LocalDate.of(2026, 6, 2)));
        assertThat(statistics.acts("CASES_FILED", null, from, to, haidian))
                .extracting(CampaignStatistics.Act::sourceId, CampaignStatistics.Act::category)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Long.toString(filed), null),
                        org.assertj.core.groups.Tuple.tuple(Long.toString(decided), "价格违法"));
        assertThat(statistics.table(from, to, haidian).rows().stream()
                .filter(r -> r.indicator().code().equals("CASES_FILED")).findFirst().orElseThrow().byCategory())
                .containsEntry("价格违法", java.math.BigDecimal.ONE);
        assertThat(statistics.acts("CRIMINAL_TRANSFERS", null, from, to, haidian))
                .extracting(CampaignStatistics.Act::occurredOn).containsExactly(LocalDate.of(2026, 6, 24));
    }
}
