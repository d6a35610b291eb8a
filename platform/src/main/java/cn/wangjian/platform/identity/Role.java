package cn.wangjian.platform.identity;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a user does; each maps to a Spring Security role of the same name. */
public enum Role {
    MONITORING_OFFICER("监测员"),
    CASE_OFFICER("执法人员"),
    /** The bureau's head or deputy (负责人): approves filings, extensions and transfers, and decides penalties. */
    BUREAU_HEAD("负责人"),
    /** Legal review (法制审核) before a penalty is proposed; never an officer of the case reviewed. */
    LEGAL_REVIEWER("法制审核人员"),
    CREDIT_OFFICER("信用管理员"),
    CAMPAIGN_COORDINATOR("专项行动协调人"),
    AGENCY_LIAISON("协作部门联络员"),
    PLATFORM_COMPLIANCE("平台合规人员"),
    ADMIN("系统管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }
}
