package cn.wangjian.platform.identity;

/**
 * What records a user may see: those owned by (or shared with) their agency within their region's subtree.
 * Repositories put it into their queries with {@link #agencyCode()} and {@link #regionLikePattern()}; an
 * administrator's scope is global.
 */
public record DataScope(boolean global, String agencyCode, RegionCode region) {

    public static DataScope everything() {
        return new DataScope(true, null, RegionCode.NATIONAL);
    }

    public static DataScope of(String agencyCode, RegionCode region) {
        return new DataScope(false, agencyCode, region);
    }

    /** A user without an agency (a platform's compliance user) sees no agency records. */
    public static DataScope none(RegionCode region) {
        return new DataScope(false, null, region);
    }

    /** A SQL LIKE pattern that matches the region codes of this scope's subtree. */
    public String regionLikePattern() {
        return region.subtreePrefix() + "%";
    }

    /**
     * A SQL condition that holds for the rows this scope owns, given the columns of their owning agency and region;
     * its named parameters come from {@link #sqlParameters()}.
     */
    public String sqlCondition(String agencyColumn, String regionColumn) {
        return "(:scopeGlobal OR (" + agencyColumn + " = :scopeAgency AND " + regionColumn + " LIKE :scopeRegion))";
    }

    /** The named parameters of {@link #sqlCondition}. */
    public java.util.Map<String, Object> sqlParameters() {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("scopeGlobal", global);
        p.put("scopeAgency", agencyCode);
        p.put("scopeRegion", regionLikePattern());
        return p;
    }

    public boolean covers(String ownerAgency, String ownerRegion) {
        if (global) {
            return true;
        }
        return agencyCode != null && agencyCode.equals(ownerAgency) && ownerRegion.startsWith(region.subtreePrefix());
    }
}
