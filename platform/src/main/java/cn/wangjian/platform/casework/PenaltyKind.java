package cn.wangjian.platform.casework;

/**
 * The kinds of administrative penalty (行政处罚法 Art. 9), named as the 双公示 处罚类别 code list names them
 * (enforcement-documents.md §2, field 18).
 */
public enum PenaltyKind {
    WARNING("警告"),
    CRITICISM("通报批评"),
    FINE("罚款"),
    CONFISCATE_GAINS("没收违法所得"),
    CONFISCATE_PROPERTY("没收非法财物"),
    SUSPEND_LICENCE("暂扣许可证件"),
    LOWER_QUALIFICATION("降低资质等级"),
    REVOKE_LICENCE("吊销许可证件"),
    LIMIT_BUSINESS("限制开展生产经营活动"),
    SUSPEND_BUSINESS("责令停产停业"),
    CLOSE("责令关闭"),
    LIMIT_PRACTICE("限制从业"),
    DETENTION("行政拘留"),
    OTHER("其他");

    private final String label;

    PenaltyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Kinds that take a licence's name and number (暂扣或吊销证照名称及编号). */
    public boolean namesALicence() {
        return this == SUSPEND_LICENCE || this == REVOKE_LICENCE;
    }

    /** Kinds that confiscate, with an amount (没收违法所得、没收非法财物的金额). */
    public boolean confiscates() {
        return this == CONFISCATE_GAINS || this == CONFISCATE_PROPERTY;
    }
}
