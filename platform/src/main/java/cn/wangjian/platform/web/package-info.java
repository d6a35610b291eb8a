/** The pages' frame: navigation, dashboard, errors. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "casework", "clue", "identity"})
package cn.wangjian.platform.web;
