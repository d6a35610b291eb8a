package cn.wangjian.platform.casework;

import java.util.Map;

/**
 * The names people read for the procedure's steps and stages: the timeline, refusals and the audit log say
 * “立案” and “待法制审核”, not {@code file} and {@code UnderReview}. A code without a name is shown as itself, so
 * a new step is visible until named here.
 */
public final class CaseSteps {

    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry("open", "受理线索、开始核查"),
            Map.entry("extend", "批准延长核查期限"),
            Map.entry("file", "批准立案"),
            Map.entry("decline", "决定不予立案"),
            Map.entry("submit", "调查终结、提交审核"),
            Map.entry("extend-limit", "批准延长办案期限"),
            Map.entry("pause-testing", "检测鉴定中止计时"),
            Map.entry("resume-testing", "检测鉴定结束恢复计时"),
            Map.entry("propose-transfer", "报告涉嫌犯罪"),
            Map.entry("approve-transfer", "批准移送公安机关"),
            Map.entry("reject-transfer", "不批准移送"),
            Map.entry("transfer", "移送公安机关"),
            Map.entry("police-returned", "公安机关退回"),
            Map.entry("legal-review", "法制审核通过"),
            Map.entry("return", "退回补充调查"),
            Map.entry("serve-notice", "送达行政处罚告知书"),
            Map.entry("request-hearing", "当事人申请听证"),
            Map.entry("schedule-hearing", "通知听证"),
            Map.entry("hold-hearing", "举行听证"),
            Map.entry("decide", "作出处罚决定"),
            Map.entry("serve", "送达处罚决定书"),
            Map.entry("close", "结案"),
            Map.entry("revoke", "撤销或变更决定"),
            Map.entry("recount-deadline", "重算期限"),
            Map.entry("mark-typical", "标为典型案例"),
            Map.entry("unmark-typical", "取消典型案例"));

    private static final Map<String, String> STAGES = Map.ofEntries(
            Map.entry("Verifying", "核查"),
            Map.entry("NotFiled", "不予立案"),
            Map.entry("Investigating", "调查取证"),
            Map.entry("UnderReview", "待法制审核"),
            Map.entry("Reviewed", "法制审核通过，待告知"),
            Map.entry("NoticeServed", "已告知（陈述申辩、听证期）"),
            Map.entry("HearingRequested", "已申请听证"),
            Map.entry("HearingScheduled", "听证已安排"),
            Map.entry("Heard", "听证已举行"),
            Map.entry("Decided", "已作出处罚决定"),
            Map.entry("Served", "已送达，执行中"),
            Map.entry("Closed", "已结案"),
            Map.entry("Revoked", "决定已撤销或变更"),
            Map.entry("TransferProposed", "涉嫌犯罪，待负责人审批移送"),
            Map.entry("TransferApproved", "已批准移送，24小时内移送公安机关"),
            Map.entry("TransferredToPolice", "已移送公安机关"));

    private CaseSteps() {
    }

    /** Every step that has a name (the audit log records each as {@code case.<step>}). */
    public static java.util.Set<String> steps() {
        return STEPS.keySet();
    }

    /** The step's name, e.g. 批准立案 for {@code file}. */
    public static String label(String step) {
        return step == null ? "" : STEPS.getOrDefault(step, step);
    }

    /** The stage's name by its stored name, e.g. 待法制审核 for {@code UnderReview}. */
    public static String stageLabel(String stage) {
        return stage == null ? "" : STAGES.getOrDefault(stage, stage);
    }
}
