package cn.wangjian.platform.web;

import java.util.List;

/** A business area in the navigation ({@code built}: every area is, since issue 16). */
record Area(String key, String label, String path, boolean built, String requiredRole) {

    static final List<Area> ALL = List.of(
            new Area("dashboard", "工作台", "/", true, null),
            new Area("registry", "主体库", "/registry", true, null),
            new Area("monitoring", "网络监测", "/monitoring", true, null),
            new Area("brushing", "刷单监测", "/brushing", true, null),
            new Area("evidence", "电子证据", "/evidence", true, null),
            new Area("clue", "线索", "/clues", true, null),
            new Area("casework", "案件办理", "/casework", true, null),
            new Area("credit", "信用监管", "/credit", true, null),
            new Area("notice", "平台通知", "/notices", true, null),
            new Area("inspection", "抽查检查", "/campaign/field", true, null),
            new Area("campaign", "专项行动", "/campaign", true, null),
            new Area("report", "统计报表", "/campaign", true, null),
            new Area("publicity", "信息公示", "/publicity", true, null),
            new Area("portal", "公众服务", "/portal", true, null),
            new Area("identity", "用户与权限", "/identity/users", true, "ADMIN"),
            new Area("audit", "审计日志", "/audit", true, "ADMIN"),
            new Area("calendar", "节假日安排", "/admin/calendar", true, "ADMIN"));

}
