package cn.wangjian.platform.monitoring;

/** The detectors a task runs. */
public enum RuleSet {
    TEXT("文字违法（广告用语、疾病功效、假冒信号、禁限售、不公平格式条款）"),
    PRICE("价格违法（划线价、先涨后降、首页低价）"),
    LISTING("商品整体核查（七日无理由退货、品牌词典与价格、地理标志产地）"),
    REGISTRY("主体资质（未登记、冒用名称、备案、许可、亮照）");

    private final String label;

    RuleSet(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
