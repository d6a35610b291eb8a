/** What documents share: the embedded Chinese font, and a file's type read from its bytes. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package cn.wangjian.platform.documents;
