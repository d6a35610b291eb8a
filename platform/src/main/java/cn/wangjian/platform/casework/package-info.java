/** Cases from clue to decision (行政处罚程序) and their fixed documents. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "calendar", "clue", "documents", "identity", "registry"})
package cn.wangjian.platform.casework;
