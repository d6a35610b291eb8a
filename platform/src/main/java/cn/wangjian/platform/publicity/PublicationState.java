package cn.wangjian.platform.publicity;

/** Where a publication stands; the steps of {@link Publications} move it and refuse what the state does not allow. */
public enum PublicationState {
    PENDING("待公示"),
    PUSHED("已推送登记地"),
    PUBLISHED("已公示"),
    WITHDRAWN("已撤回"),
    CANCELLED("不再公示");

    private final String label;

    PublicationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this == PENDING || this == PUSHED;
    }
}
