package cn.wangjian.platform.publicity;

/** Where a penalty is published. */
public enum Channel {
    CREDIT_CHINA("信用中国（双公示）"),
    GSXT("国家企业信用信息公示系统");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
