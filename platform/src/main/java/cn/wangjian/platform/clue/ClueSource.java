package cn.wangjian.platform.clue;

/** Where a clue came from: the case-source categories of the 案件来源登记表. */
public enum ClueSource {
    MONITORING("监督检查"),
    COMPLAINT("投诉"),
    REPORT("举报"),
    REFERRAL("其他部门移送"),
    ASSIGNED("上级交办"),
    OTHER("其他");

    private final String label;

    ClueSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
