/** Users, roles, agencies, regions and their data scopes; logins and API tokens. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "database"})
package cn.wangjian.platform.identity;
