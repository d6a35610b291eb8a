package cn.wangjian.engine.feed;

/**
 * The topics, named {@code <prefix><kind>.v<version>} (default prefix {@code wangjian.}): one per kind of
 * event, the schema's version in the name.
 */
public record FeedTopics(String prefix) {
    public static FeedTopics defaults() {
        return new FeedTopics("wangjian.");
    }

    /** Listings reported (schema listing v1). */
    public String listings() {
        return prefix + "listings.v1";
    }

    /** The officers' rule versions (rule-version v1), one partition, compacted. */
    public String rules() {
        return prefix + "rules.v1";
    }

    /** What the scans found (listing-scanned v1), for the platform's findings. */
    public String results() {
        return prefix + "listing-results.v1";
    }

    /** Input refused, with the reason (dead-letter v1). */
    public String deadLetters() {
        return prefix + "dead-letters.v1";
    }

    /** Price changes (price-change v1). */
    public String priceChanges() {
        return prefix + "price-changes.v1";
    }

    /** Orders (order v1). */
    public String orders() {
        return prefix + "orders.v1";
    }

    /** Logistics events (parcel-event v1). */
    public String parcelEvents() {
        return prefix + "parcel-events.v1";
    }

    /** Reviews (review v1). */
    public String reviews() {
        return prefix + "reviews.v1";
    }

    /** Fake-review signals (review-signal v1). */
    public String reviewSignals() {
        return prefix + "review-signals.v1";
    }

    /** Brushing rings found in windows of orders (brushing-ring v1). */
    public String rings() {
        return prefix + "brushing-rings.v1";
    }

    /** Empty-parcel signals (parcel-signal v1). */
    public String parcelSignals() {
        return prefix + "parcel-signals.v1";
    }

    /** The topics the job reads and writes, but the rules topic (one partition). */
    public String[] partitioned() {
        return new String[] {listings(), results(), deadLetters(), priceChanges(), orders(), parcelEvents(),
                reviews(), rings(), parcelSignals(), reviewSignals()};
    }
}
