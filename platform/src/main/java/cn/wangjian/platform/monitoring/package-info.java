/** Monitoring tasks and runs over listings and subjects (以网管网), with findings. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "clue", "credit", "evidence", "identity", "registry"})
package cn.wangjian.platform.monitoring;
