package cn.wangjian.engine.text;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A provision a rule rests on, valid for conduct between {@code effectiveFrom} and {@code effectiveTo}
 * (inclusive; null for open). A renumbered law has one reference per numbering. {@code verification} carries the
 * reference sheet's tag: {@code V} (checked against the text or an official excerpt) or {@code R} (recalled, to be
 * confirmed before a decision relies on it).
 */
public record LawReference(String law, String article, String penaltyArticle, LocalDate effectiveFrom,
                           LocalDate effectiveTo, String verification) {

    public LawReference {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        verification = verification == null ? "V" : verification;
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException(law + " " + article + ": effectiveTo before effectiveFrom");
        }
    }

    public boolean appliesOn(LocalDate conduct) {
        return !conduct.isBefore(effectiveFrom) && (effectiveTo == null || !conduct.isAfter(effectiveTo));
    }
}
