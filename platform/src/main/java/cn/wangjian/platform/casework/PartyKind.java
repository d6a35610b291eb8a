package cn.wangjian.platform.casework;

/** 行政相对人类别 of the 双公示 standard (field 2). */
public enum PartyKind {
    ORGANISATION("法人及非法人组织"),
    INDIVIDUAL_BUSINESS("个体工商户"),
    NATURAL_PERSON("自然人");

    private final String label;

    PartyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
