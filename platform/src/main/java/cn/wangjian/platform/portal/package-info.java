/** The public side (公众服务): consumer warnings, published typical cases, evaluations of platforms, and the entry to the
 * public queries and the complaint form; and the officers' page that writes warnings and moderates evaluations. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "casework", "identity", "publicity",
        "registry"})
package cn.wangjian.platform.portal;
