package cn.wangjian.platform.clue;

public enum ClueStatus {
    REGISTERED("已登记"),
    CLOSED("已办结");

    private final String label;

    ClueStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
