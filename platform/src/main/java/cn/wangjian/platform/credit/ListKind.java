package cn.wangjian.platform.credit;

/** The credit lists a subject can be on, with how long a listing lasts (null: until removed). */
public enum ListKind {
    SERIOUS_VIOLATION("严重违法失信名单", 3, "《市场监督管理严重违法失信名单管理办法》（总局令第44号）"),
    ABNORMAL_OPERATION("经营异常名录", null, "《企业信息公示暂行条例》；《市场主体登记管理条例》"),
    BRUSHING_BLACKLIST("刷单炒信黑名单", 3, "2017 网络市场监管专项行动方案五（三）");

    private final String label;
    private final Integer years;
    private final String basis;

    ListKind(String label, Integer years, String basis) {
        this.label = label;
        this.years = years;
        this.basis = basis;
    }

    public String label() {
        return label;
    }

    public Integer years() {
        return years;
    }

    public String basis() {
        return basis;
    }
}
