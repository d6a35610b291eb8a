/** Transaction data reported by platforms (orders, reviews, parcels). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "database", "identity", "registry"})
package cn.wangjian.platform.trade;
