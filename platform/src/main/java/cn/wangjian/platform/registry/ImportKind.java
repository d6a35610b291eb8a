package cn.wangjian.platform.registry;

import java.util.List;
import java.util.Locale;

/** What a registry import file holds, and the columns it needs. */
public enum ImportKind {
    ENTERPRISES("企业和个体工商户", List.of("credit_code", "name")),
    PLATFORMS("电子商务平台", List.of("code", "name")),
    SHOPS("平台内店铺", List.of("platform", "shop_id", "shop_name")),
    WEBSITES("网站、应用和小程序", List.of("address")),
    LICENCES("许可证", List.of("kind", "number", "holder_credit_code")),
    LISTINGS("商品信息", List.of("platform", "shop_id", "listing_id", "title"));

    private final String label;
    private final List<String> required;

    ImportKind(String label, List<String> required) {
        this.label = label;
        this.required = required;
    }

    public String label() {
        return label;
    }

    public List<String> required() {
        return required;
    }

    public static ImportKind parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("未知的导入类型 (unknown import kind): " + s
                    + "；可选 enterprises、platforms、shops、websites、licences、listings");
        }
    }
}
