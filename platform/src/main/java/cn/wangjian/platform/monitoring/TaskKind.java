package cn.wangjian.platform.monitoring;

import java.util.List;

/** The three kinds of monitoring of the 2017 plan, and credit key supervision; key monitoring starts from the plan's key goods. */
public enum TaskKind {
    DAILY("日常监测", List.of()),
    SPECIAL("专项监测", List.of()),
    KEY("重点监测", List.of("food", "health_food", "drug", "cosmetics", "medical_device", "apparel", "electronics",
            "agrochemical", "seed", "agricultural_product")),
    /** The shops of subjects on a credit list whose measures include key supervision (列为重点监管对象). */
    CREDIT("信用重点监管", List.of());

    private final String label;
    private final List<String> defaultCategories;

    TaskKind(String label, List<String> defaultCategories) {
        this.label = label;
        this.defaultCategories = defaultCategories;
    }

    public String label() {
        return label;
    }

    /** The product categories a task of this kind covers when the officer names none. */
    public List<String> defaultCategories() {
        return defaultCategories;
    }
}
