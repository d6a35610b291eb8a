package cn.wangjian.platform.identity;

/** One of the ten agencies of the joint action. */
public record Agency(String code, String name, String shortName) {
}
