package cn.wangjian.platform.notice;

/** What a notice asks of the platform. */
public enum NoticeKind {
    TAKEDOWN("删除（下架）违法商品信息"),
    RECTIFY_PAGE("整改店铺页面"),
    SUSPEND_SHOP("停止网店平台服务"),
    LICENCE_DISPLAY("更正证照公示");

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the platform's own reports prove it (removals), or an officer reviews the new capture. */
    public boolean provedByReports() {
        return this == TAKEDOWN || this == SUSPEND_SHOP;
    }
}
