package cn.wangjian.platform.identity;

/** A node of the region tree. */
public record Region(RegionCode code, String name, RegionCode parent) {
}
