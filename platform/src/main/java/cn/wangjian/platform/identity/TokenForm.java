package cn.wangjian.platform.identity;

import java.util.List;

/** The form that issues an API token; {@code username} is only used by administrators (for a system account). */
record TokenForm(String username, String name, List<Role> roles, List<ApiArea> areas, Integer days) {
    static TokenForm empty() {
        return new TokenForm(null, null, List.of(), List.of(), 90);
    }
}
