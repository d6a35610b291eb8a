/** Clues (案件线索), their notification and sharing between bureaus, and complaints and reports filed by the public. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "calendar", "documents", "identity", "registry"})
package cn.wangjian.platform.clue;
