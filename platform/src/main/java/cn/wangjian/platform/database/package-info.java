/** The database: embedded or external PostgreSQL, Flyway migrations. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package cn.wangjian.platform.database;
