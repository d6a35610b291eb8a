package cn.wangjian.platform.casework;

import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.UserAccounts;
import cn.wangjian.platform.registry.Registry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With the demo market, the first start also walks three cases of the demo 东城 bureau from clue to decision —
 * each against a subject of the demo market, each marked typical — so that the decision documents, their
 * publication, the credit file and the campaign's statistics and summary report have something to show. The
 * dates are counted back from today; the facts say they are demo data. A year without holiday data (the working-day
 * calendar refuses it) gets no demo cases, and the start goes on.
 */
@Component
public class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    /**
     * The demo 东城 bureau's people: two officers in charge, the legal reviewer and the head who approves the filing
     * and decides (separation of duties, decision 0030).
     */
    static final String OFFICER = "dc.case";
    static final String SECOND = "dc.case2";
    static final String REVIEWER = "dc.review";
    static final String HEAD = "dc.head";

    private record Demo(String title, String facts, String violationType, String findings, String penalty,
                        String legalBasis, Map<String, String> sanction) {
    }

    private static final List<Demo> DEMO = List.of(
            new Demo("网店销售假冒注册商标的运动鞋（演示数据）", "网络监测发现该店铺销售标注他人注册商标的运动鞋，售价明显低于正品（演示数据）。",
                    "COUNTERFEIT_TRADEMARK", "当事人在网店销售假冒注册商标的运动鞋 126 双，货值 2.3 万元（演示数据）",
                    "没收侵权商品，罚款人民币五万元", "《中华人民共和国商标法》第六十条第二款",
                    Map.of("kind.FINE", "on", "fineYuan", "50000", "kind.CONFISCATE_PROPERTY", "on",
                            "confiscatedYuan", "23000")),
            new Demo("网店商品详情页使用绝对化用语（演示数据）", "网络监测发现该店铺商品详情页使用“全网第一”“最高级”等用语（演示数据）。",
                    "ILLEGAL_ADVERTISING", "当事人在网店商品详情页发布含有“全网第一”“最高级”用语的广告（演示数据）",
                    "罚款人民币二十万元", "《中华人民共和国广告法》第五十七条第（一）项",
                    Map.of("kind.FINE", "on", "fineYuan", "200000")),
            new Demo("网店虚构原价促销（演示数据）", "网络监测发现该店铺促销标示的“原价”在促销前七日内无成交记录（演示数据）。",
                    "PRICE_FRAUD", "当事人在“双十一”促销中虚构原价，标示原价在促销前七日内从未成交（演示数据）",
                    "罚款人民币三万元", "《明码标价和禁止价格欺诈规定》第十九条",
                    Map.of("kind.FINE", "on", "fineYuan", "30000")));

    private final CaseFiles cases;
    private final ClueRegister clues;
    private final Registry registry;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    DemoCases(CaseFiles cases, ClueRegister clues, Registry registry, UserAccounts accounts, JdbcClient jdbc,
              org.springframework.transaction.support.TransactionTemplate tx) {
        this.tx = tx;
        this.cases = cases;
        this.clues = clues;
        this.registry = registry;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Configuration
    static class OnFirstStart {
        @Bean
        @Order(30)
        @ConditionalOnProperty(name = {"wangjian.bootstrap.demo-market", "wangjian.bootstrap.demo-cases"},
                havingValue = "true", matchIfMissing = true)
        ApplicationRunner demoCasesOnFirstStart(DemoCases demo) {
            return args -> demo.loadIfAbsent();
        }
    }

    /**
     * Walks the three typical demo cases (and leaves two awaiting the head and the reviewer) unless the demo officer
     * already has a case; returns the three typical cases.
     */
    public List<Long> loadIfAbsent() {
        if (java.util.stream.Stream.of(OFFICER, SECOND, REVIEWER, HEAD).anyMatch(u -> accounts.find(u).isEmpty())) {
            return List.of();
        }
        CurrentUser officer = accounts.loadUserByUsername(OFFICER);
        Map<String, String> subjects = subjects(officer.region().value());
        if (subjects.size() < DEMO.size() || jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM case_file WHERE created_by = ? AND subject_name IN (SELECT unnest(?::text[])))")
                .params(OFFICER, subjects.keySet().toArray(String[]::new)).query(Boolean.class).single()) {
            return List.of();
        }
        List<Long> made = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            try {
                CurrentUser head = accounts.loadUserByUsername(HEAD);
                made.addAll(walk(officer, accounts.loadUserByUsername(REVIEWER), head, subjects, cases.today()));
                log.info("演示待办案件 (demo cases awaiting the head and the reviewer): {}",
                        pendingWork(officer, head, subjects, cases.today()));
            } catch (CaseRuleException | cn.wangjian.engine.calendar.WorkingDayCalendar.NoDataException e) {
                // all three or none: a refused step (a year without holiday data) leaves no half-walked demo case
                status.setRollbackOnly();
                log.warn("演示案件未载入 (demo cases not loaded): {}", e.getMessage());
            }
        });
        log.info("已载入演示案件 (demo cases): {}", made);
        return made;
    }

    private List<Long> walk(CurrentUser officer, CurrentUser reviewer, CurrentUser head, Map<String, String> subjects,
                            LocalDate today) {
        List<Long> made = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> subject : subjects.entrySet()) {
            Demo d = DEMO.get(i);
            LocalDate received = today.minusDays(75 - 7L * i);
            long clue = clues.register(new NewClue(d.title(), ClueSource.MONITORING, subject.getKey(),
                    subject.getValue(), d.facts()), officer).id();
            long id = cases.open(clue, received, officer).id();
            cases.step(id, "file", Map.of("on", received.plusDays(3).toString(),
                    "officers", OFFICER + ", " + SECOND), head);
            cases.step(id, "submit", Map.of("findings", d.findings()), officer);
            cases.step(id, "legal-review", Map.of("on", received.plusDays(25).toString(), "opinion",
                    "事实清楚，证据确凿，适用依据正确，程序合法（演示数据）"), reviewer);
            cases.step(id, "serve-notice", Map.of("on", received.plusDays(30).toString(), "proposedPenalty",
                    d.penalty(), "hearingRight", "true"), officer);
            Map<String, String> decide = new LinkedHashMap<>(d.sanction());
            decide.putAll(Map.of("on", received.plusDays(50).toString(), "penalty", d.penalty(), "legalBasis",
                    d.legalBasis(), "violationType", d.violationType(), "creditCode", subject.getValue()));
            cases.step(id, "decide", decide, head);
            cases.markTypical(id, true, officer);
            made.add(id);
            if (++i == DEMO.size()) {
                break;
            }
        }
        return made;
    }

    /**
     * Work waiting on the landing pages: a clue in verification awaiting the head's approval of filing, and a case whose
     * investigation ended awaiting the legal review; returns them.
     */
    private List<Long> pendingWork(CurrentUser officer, CurrentUser head, Map<String, String> subjects, LocalDate today) {
        List<Long> made = new ArrayList<>();
        List<Map.Entry<String, String>> rest = subjects.entrySet().stream().skip(DEMO.size()).toList();
        if (rest.size() >= 2) {
            long pending = clues.register(new NewClue("网店商品详情页宣称“根治失眠”（演示数据）", ClueSource.MONITORING,
                    rest.get(0).getKey(), rest.get(0).getValue(), "网络监测发现该店铺普通食品宣称治疗功效（演示数据）。"), officer).id();
            made.add(cases.open(pending, today.minusDays(2), officer).id());
            long review = clues.register(new NewClue("网店刷单炒信（演示数据）", ClueSource.MONITORING,
                    rest.get(1).getKey(), rest.get(1).getValue(), "刷单监测发现该店铺疑似组织虚假交易（演示数据）。"), officer).id();
            long id = cases.open(review, today.minusDays(40), officer).id();
            cases.step(id, "file", Map.of("on", today.minusDays(38).toString(), "officers", OFFICER + ", " + SECOND),
                    head);
            cases.step(id, "submit", Map.of("findings", "当事人组织虚假交易 320 单（演示数据）"), officer);
            made.add(id);
        }
        return made;
    }

    /** Five operators of the demo market's shops registered in the bureau's district: name → credit code. */
    private Map<String, String> subjects(String region) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Registry.Enterprise e : registry.searchEnterprises("", region, 500)) {
            if (!"ACTIVE".equals(e.status()) || registry.shopsOf(e.creditCode()).isEmpty()) {
                continue;
            }
            out.put(e.name(), e.creditCode());
            if (out.size() == DEMO.size() + 2) {
                break;
            }
        }
        return out;
    }
}
