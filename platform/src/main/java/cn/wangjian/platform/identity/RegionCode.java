package cn.wangjian.platform.identity;

/**
 * A 6-digit GB/T 2260 division code, or {@code 000000} for the whole country. The level follows from the code:
 * {@code xx0000} a province, {@code xxxx00} a city, anything else a county or district.
 */
public record RegionCode(String value) implements java.io.Serializable {

    public static final RegionCode NATIONAL = new RegionCode("000000");

    public RegionCode {
        if (value == null || !value.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("行政区划代码应为6位数字 (region code must be 6 digits): " + value);
        }
        if (!value.equals("000000") && value.startsWith("00")) {
            throw new IllegalArgumentException("行政区划代码的省级部分不能为00 (no province 00): " + value);
        }
    }

    public enum Level { NATIONAL, PROVINCE, CITY, DISTRICT }

    public Level level() {
        if (value.equals("000000")) {
            return Level.NATIONAL;
        }
        if (value.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return value.endsWith("00") ? Level.CITY : Level.DISTRICT;
    }

    /** The leading digits shared by every code in this region's subtree ("" for the country). */
    public String subtreePrefix() {
        return switch (level()) {
            case NATIONAL -> "";
            case PROVINCE -> value.substring(0, 2);
            case CITY -> value.substring(0, 4);
            case DISTRICT -> value;
        };
    }

    public boolean contains(RegionCode other) {
        return other.value.startsWith(subtreePrefix());
    }

    @Override
    public String toString() {
        return value;
    }
}
