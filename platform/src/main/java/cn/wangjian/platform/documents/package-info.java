/** What documents share: the embedded Chinese font. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package cn.wangjian.platform.documents;
