/** The campaign (专项行动): phases, tasks, recorded acts and statistics, field records, sampling, summary reports, supervision. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "calendar", "casework", "clue", "credit", "documents", "evidence", "identity", "monitoring", "notice", "registry"})
package cn.wangjian.platform.campaign;
