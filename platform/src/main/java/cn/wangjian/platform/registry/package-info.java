/** The subject registry (主体库): enterprises, platforms, shops, websites, licences, listings. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "database", "identity"})
package cn.wangjian.platform.registry;
