/** Clues (案件线索), their notification and sharing between bureaus. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "identity"})
package cn.wangjian.platform.clue;
