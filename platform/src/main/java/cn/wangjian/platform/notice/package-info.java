/** Notices to platforms (删除、整改、停止服务、更正证照公示) with due times, the platforms' confirmations and their proof. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "casework", "clue", "evidence",
        "identity", "monitoring", "registry", "trade"})
package cn.wangjian.platform.notice;
