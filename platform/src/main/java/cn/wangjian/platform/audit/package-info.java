/** The audit log and trusted timestamps of every act. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"database"})
package cn.wangjian.platform.audit;
