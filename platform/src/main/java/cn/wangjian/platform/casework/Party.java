package cn.wangjian.platform.casework;

import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import java.util.Map;

/**
 * The party of a decision as the 双公示 standard records it: its kind, name, unified social credit code (required
 * for organisations, checked by its check character), and for a natural person the ID kind and number — shared,
 * never published.
 */
public record Party(PartyKind kind, String name, String creditCode, String idType, String idNumber) {

    public Party {
        if (kind == null) {
            throw new CaseRuleException("字段 partyKind：请选择当事人类别 (party kind required)");
        }
        if (name == null || name.isBlank()) {
            throw new CaseRuleException("当事人名称不能为空 (party name required)");
        }
        if (creditCode != null && !creditCode.isBlank()) {
            try {
                creditCode = UnifiedSocialCreditCode.parse(creditCode.strip()).toString();
            } catch (UnifiedSocialCreditCode.InvalidCodeException e) {
                throw new CaseRuleException("字段 creditCode：" + e.getMessage());
            }
        } else {
            creditCode = null;
        }
        if (kind == PartyKind.ORGANISATION && creditCode == null) {
            throw new CaseRuleException("字段 creditCode：法人及非法人组织须有统一社会信用代码 (credit code required)");
        }
        if (kind == PartyKind.NATURAL_PERSON && (idType == null || idType.isBlank() || idNumber == null
                || idNumber.isBlank())) {
            throw new CaseRuleException("字段 idNumber：自然人须登记证件类型和号码（不公示）(ID of a natural person required)");
        }
    }

    static Party fromForm(Map<String, String> p, CaseStage.Dossier dossier) {
        String kind = p.get("partyKind");
        PartyKind k;
        try {
            k = kind == null || kind.isBlank()
                    ? (dossier.creditCode() != null && dossier.creditCode().startsWith("92") ? PartyKind.INDIVIDUAL_BUSINESS
                    : PartyKind.ORGANISATION) : PartyKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new CaseRuleException("字段 partyKind：未知的当事人类别 (unknown party kind): " + kind);
        }
        String code = p.getOrDefault("creditCode", dossier.creditCode());
        return new Party(k, dossier.subjectName(), code == null || code.isBlank() ? dossier.creditCode() : code,
                p.get("idType"), p.get("idNumber"));
    }

}
