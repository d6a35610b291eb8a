package cn.wangjian.engine.price;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the stream keeps of one listing's prices between its price-change events (issue 19): the price history in
 * date order, trimmed to {@link #KEEP_DAYS} before the latest change (the price rules look back at most 15 days
 * before the current price began; the groundless-base rule compares with the highest price this window holds), and
 * the reference (划线价) and home-page prices the latest change reported, -1 when none is shown.
 *
 * <p>A change is described by the day its price began. One that comes late (an earlier day than the latest) is put
 * in its place and the offer judged again; one that repeats a day's price is a duplicate and changes nothing; one
 * that gives a day another price corrects it (the last received for a day wins). Reference and home prices are taken
 * from the latest day's change only: a late change describes the past.
 */
public record PriceWatch(PriceHistory history, long referenceCents, long homeCents) {

    /** Days of history kept before the latest change. */
    public static final int KEEP_DAYS = 180;
    public static final PriceWatch EMPTY = new PriceWatch(PriceHistory.EMPTY, -1, -1);

    /** What a change did. */
    public enum Outcome {
        /** A day after every day known: the current price. */
        NEW,
        /** A day before the latest, put in its place. */
        LATE,
        /** A known day with another price (or other reference or home price on the latest day). */
        CORRECTED,
        /** Nothing new: the same day, price and shown prices as before, or a day before the kept window. */
        DUPLICATE
    }

    /** The state after a change, and what the change did. */
    public record Applied(PriceWatch watch, Outcome outcome) {
    }

    /** Applies a change: from {@code from} on the price was {@code cents}, with the shown reference and home prices. */
    public Applied apply(LocalDate from, long cents, long reference, long home) {
        List<PriceChange> changes = new ArrayList<>(history.changes());
        LocalDate latest = changes.isEmpty() ? null : changes.get(changes.size() - 1).from();
        if (latest != null && from.isBefore(latest.minusDays(KEEP_DAYS))) {
            return new Applied(this, Outcome.DUPLICATE);           // older than anything a rule looks at
        }
        int at = 0;
        while (at < changes.size() && changes.get(at).from().isBefore(from)) {
            at++;
        }
        boolean sameDay = at < changes.size() && changes.get(at).from().equals(from);
        boolean isLatest = latest == null || !from.isBefore(latest);
        long ref = isLatest ? reference : referenceCents;
        long hp = isLatest ? home : homeCents;
        Outcome outcome;
        if (sameDay) {
            if (changes.get(at).cents() == cents && ref == referenceCents && hp == homeCents) {
                return new Applied(this, Outcome.DUPLICATE);
            }
            changes.set(at, new PriceChange(from, cents));
            outcome = Outcome.CORRECTED;
        } else {
            changes.add(at, new PriceChange(from, cents));
            outcome = isLatest ? Outcome.NEW : Outcome.LATE;
        }
        // trim: the changes before the window's start, except the last of them (the price on that day)
        LocalDate newest = changes.get(changes.size() - 1).from();
        LocalDate cut = newest.minusDays(KEEP_DAYS);
        int first = 0;
        while (first + 1 < changes.size() && !changes.get(first + 1).from().isAfter(cut)) {
            first++;
        }
        return new Applied(new PriceWatch(new PriceHistory(changes.subList(first, changes.size())), ref, hp), outcome);
    }

    /** The offer the price rules judge. */
    public PriceRules.Offer offer() {
        return new PriceRules.Offer(referenceCents, homeCents, history);
    }

    /** {@code reference;home;history} (history in the compact notation), for keyed state. */
    public String encode() {
        return referenceCents + ";" + homeCents + ";" + history.compact().replace(';', ',');
    }

    public static PriceWatch decode(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        String[] p = text.split(";", 3);
        return new PriceWatch(PriceHistory.parse(p[2].replace(',', ';')), Long.parseLong(p[0]), Long.parseLong(p[1]));
    }
}
