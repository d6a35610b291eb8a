/** The working-day calendar (法定节假日安排) the deadlines are counted on. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "identity"})
package cn.wangjian.platform.calendar;
