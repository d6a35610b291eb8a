/** Order-brushing (刷单炒信) monitoring over the platforms' reported transactions. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "clue", "evidence", "identity", "registry", "trade"})
package cn.wangjian.platform.brushing;
