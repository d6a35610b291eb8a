package cn.wangjian.platform.casework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a decision imposes, as data: the violation type (a code of {@link ViolationTypes}), the penalty kinds, the
 * fine and the confiscated amount in yuan as exact decimals, the licence suspended or revoked, what "其他" is, and
 * the legal basis as law and article. Checked where it is made, each refusal naming its field.
 */
public record Sanction(String violationType, Set<PenaltyKind> kinds, BigDecimal fineYuan, BigDecimal confiscatedYuan,
                       String licence, String other, List<LegalBasis> basis) {

    /** One provision: 《law》 and its article (第…条, with 款/项 where given). */
    public record LegalBasis(String law, String article) {
        @Override
        public String toString() {
            return "《" + law + "》" + article;
        }
    }

    private static final Pattern PROVISION = Pattern.compile("《([^》]+)》\\s*(第[一二三四五六七八九十百零〇\\d]+条"
            + "(?:第[一二三四五六七八九十百零〇\\d]+款)?(?:第[一二三四五六七八九十百零〇\\d]+项)?)");

    public Sanction {
        if (ViolationTypes.of(violationType).isEmpty()) {
            throw new CaseRuleException("字段 violationType：请选择违法行为类型 (unknown violation type): " + violationType);
        }
        if (kinds == null || kinds.isEmpty()) {
            throw new CaseRuleException("字段 kinds：请选择至少一种处罚种类 (no penalty kind)");
        }
        kinds = Set.copyOf(EnumSet.copyOf(kinds));
        if (kinds.contains(PenaltyKind.FINE) != (fineYuan != null)) {
            throw new CaseRuleException("字段 fineYuan：" + (fineYuan == null ? "处以罚款须写明罚款金额（元）"
                    : "未选择“罚款”却填写了罚款金额") + " (fine amount and kind disagree)");
        }
        boolean confiscates = kinds.stream().anyMatch(PenaltyKind::confiscates);
        if (confiscates != (confiscatedYuan != null)) {
            throw new CaseRuleException("字段 confiscatedYuan：" + (confiscatedYuan == null ? "没收违法所得或非法财物须写明金额（元）"
                    : "未选择没收却填写了没收金额") + " (confiscated amount and kind disagree)");
        }
        for (BigDecimal amount : new BigDecimal[] {fineYuan, confiscatedYuan}) {
            if (amount != null && (amount.signum() <= 0 || amount.scale() > 2)) {
                throw new CaseRuleException("金额应为大于 0 的元数，最多两位小数 (amount in yuan, at most 2 decimals): "
                        + amount.toPlainString());
            }
        }
        if (kinds.stream().anyMatch(PenaltyKind::namesALicence) && (licence == null || licence.isBlank())) {
            throw new CaseRuleException("字段 licence：暂扣或吊销许可证件须写明证照名称及编号 (licence required)");
        }
        if (kinds.contains(PenaltyKind.OTHER) && (other == null || other.isBlank())) {
            throw new CaseRuleException("字段 other：处罚种类为“其他”时须写明具体措施 (other measure required)");
        }
        if (basis == null || basis.isEmpty()) {
            throw new CaseRuleException("字段 legalBasis：处罚依据应写明法律和条款，如《中华人民共和国广告法》第五十七条"
                    + " (law and article)");
        }
        basis = List.copyOf(basis);
    }

    /** Only a warning: not published (市场监督管理行政处罚信息公示规定 Art. 2). */
    public boolean warningOnly() {
        return kinds.equals(Set.of(PenaltyKind.WARNING));
    }

    /** 处罚类别 as the exchange format writes it: the kinds separated by ";". */
    public String kindLabels() {
        return String.join(";", EnumSet.copyOf(kinds).stream().map(PenaltyKind::label).toList());
    }

    /** The provisions named in a text such as 依据《广告法》第五十七条第一款的规定. */
    static List<LegalBasis> provisions(String text) {
        List<LegalBasis> out = new ArrayList<>();
        Matcher m = PROVISION.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(new LegalBasis(m.group(1).strip(), m.group(2)));
        }
        return out;
    }

    /** From the decide form: {@code violationType}, {@code kind.FINE}=on …, {@code fineYuan}, {@code confiscatedYuan}. */
    static Sanction fromForm(Map<String, String> p) {
        Set<PenaltyKind> kinds = EnumSet.noneOf(PenaltyKind.class);
        for (PenaltyKind k : PenaltyKind.values()) {
            String v = p.get("kind." + k.name());
            if (v != null && !v.isBlank() && !v.equals("false")) {
                kinds.add(k);
            }
        }
        return new Sanction(p.get("violationType"), kinds, yuan(p, "fineYuan"), yuan(p, "confiscatedYuan"),
                blankToNull(p.get("licence")), blankToNull(p.get("other")), provisions(p.get("legalBasis")));
    }

    private static BigDecimal yuan(Map<String, String> p, String field) {
        String v = p.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip().replace(",", "").replace("，", "");
        if (!s.matches("\\d{1,13}(\\.\\d{1,2})?")) {
            throw new CaseRuleException("字段 " + field + "：“" + v.strip() + "”不是以元为单位的金额，如 50000 或 1234.50"
                    + " (not an amount in yuan)");
        }
        return new BigDecimal(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
