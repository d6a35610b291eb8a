/** Publication of penalty decisions (行政处罚信息公示) within their deadlines. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "calendar", "casework", "identity"})
package cn.wangjian.platform.publicity;
