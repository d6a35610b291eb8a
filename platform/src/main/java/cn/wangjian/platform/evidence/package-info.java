/** Fixed electronic evidence (电子证据固定) with its hash chain. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "database", "identity"})
package cn.wangjian.platform.evidence;
