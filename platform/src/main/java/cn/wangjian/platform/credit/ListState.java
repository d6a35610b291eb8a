package cn.wangjian.platform.credit;

/** Where a list entry stands. */
public enum ListState {
    PROPOSED("待审批"),
    LISTED("已列入"),
    REJECTED("不予列入"),
    REMOVED("已移出");

    private final String label;

    ListState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
