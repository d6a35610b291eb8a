package cn.wangjian.engine.text;

/** How a rule finds its violations. */
public enum RuleKind {
    /** Any of the rule's terms in the text (with evasions), unless an exception or safe harbour applies. */
    TERMS,
    /**
     * The text of an applicable category lacks a statement the law requires (e.g. 本品不能代替药物); with trigger
     * terms, only a text that holds one of them (a page that collects a phone number without a 隐私政策).
     */
    MISSING_STATEMENT,
    /** A figure, percentage or ranking without any stated source (广告法第十一条). */
    UNSOURCED_CLAIM,
    /** A number after a marker (e.g. 国食健字) that does not have the required format. */
    NUMBER_FORMAT,
    /**
     * A claim of effect on the body as structure: a body function or condition (the rule's terms) with a change
     * word in the same clause ({@link ClaimSpec}); more severe with a time span or a testimonial in the sentence.
     */
    CLAIM
}
