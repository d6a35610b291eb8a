/** Credit records under the unified social credit code, lists and joint punishment. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "calendar", "casework", "clue", "identity", "publicity", "registry"})
package cn.wangjian.platform.credit;
