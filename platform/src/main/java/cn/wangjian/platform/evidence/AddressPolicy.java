package cn.wangjian.platform.evidence;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses wangjian may fetch (SSRF protection): only http and https, no user info, and no loopback,
 * private, link-local, carrier-grade NAT, multicast or unspecified address, unless an administrator allowed the
 * host by name. Every address a name resolves to is checked.
 */
public record AddressPolicy(Set<String> allowedHosts) {

    public AddressPolicy {
        allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public static final AddressPolicy STRICT = new AddressPolicy(Set.of());

    public AddressPolicy allowing(Set<String> more) {
        java.util.Set<String> all = new java.util.HashSet<>(allowedHosts);
        all.addAll(more);
        return new AddressPolicy(all);
    }

    /** Null when the address may be fetched, else the reason it may not. */
    public String refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "只允许 http 和 https 地址 (only http and https): " + (scheme.isEmpty() ? "无协议" : scheme);
        }
        if (uri.getRawUserInfo() != null) {
            return "地址中不能含用户名或密码 (no user info in the address)";
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return "地址缺少主机名 (no host)";
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowedHosts.contains(host)) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "无法解析主机名 (unknown host): " + host;
        }
        for (InetAddress a : addresses) {
            String why = internal(a);
            if (why != null) {
                return "拒绝访问内部地址 " + host + " → " + a.getHostAddress() + "（" + why + "），如确需访问请由管理员放行该主机"
                        + " (internal address refused)";
            }
        }
        return null;
    }

    /** Why an address is internal, or null. */
    static String internal(InetAddress a) {
        if (a instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return "无效地址";
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "IPv6 唯一本地地址";
            }
        }
        if (a.isAnyLocalAddress()) {
            return "未指定地址";
        }
        if (a.isLoopbackAddress()) {
            return "环回地址";
        }
        if (a.isLinkLocalAddress()) {
            return "链路本地地址";
        }
        if (a.isSiteLocalAddress()) {
            return "私有地址";
        }
        if (a.isMulticastAddress()) {
            return "组播地址";
        }
        if (a instanceof Inet4Address) {
            byte[] b = a.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "本网络地址";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "运营商级 NAT 地址";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "基准测试地址";
            }
            if (first >= 240) {
                return "保留地址";
            }
        }
        return null;
    }
}
