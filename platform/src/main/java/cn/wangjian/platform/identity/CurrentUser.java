package cn.wangjian.platform.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user as the rest of the platform sees them: who, which bureau, which roles. */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final String agencyCode;
    private final RegionCode region;
    private final String organization;
    private final Set<Role> roles;
    private final boolean enabled;

    CurrentUser(long id, String username, String displayName, String passwordHash, String agencyCode,
                RegionCode region, String organization, Set<Role> roles, boolean enabled) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.agencyCode = agencyCode;
        this.region = region;
        this.organization = organization;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.enabled = enabled;
    }

    /** The user of the current request, if one is logged in. */
    public static java.util.Optional<CurrentUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser u ? java.util.Optional.of(u)
                : java.util.Optional.empty();
    }

    public static CurrentUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no logged-in user"));
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public RegionCode region() {
        return region;
    }

    public String organization() {
        return organization;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public DataScope dataScope() {
        if (roles.contains(Role.ADMIN)) {
            return DataScope.everything();
        }
        return agencyCode == null ? DataScope.none(region) : DataScope.of(agencyCode, region);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(Role::authority).toList();
    }

    public List<String> roleLabels() {
        return roles.stream().sorted().map(Role::label).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurrentUser other && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}
