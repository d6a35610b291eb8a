package cn.wangjian.platform.monitoring;

/**
 * The officers' rule version now in force: its id (0: the built-in catalog alone) and its additions to the built-in
 * catalog as stored (JSON). Published when a new version has been committed and swapped in.
 */
public record RuleVersionInForce(long id, String additions) {
}
