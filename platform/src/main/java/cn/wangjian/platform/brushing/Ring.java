package cn.wangjian.platform.brushing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A suspected brushing ring as officers review it: the buyer accounts (the platform's salted hashes), the shops and
 * the days of the block, its orders and parcels, the block's mass against what the market would give it by
 * chance, the empty-parcel and review signals touching its accounts, and the order extract fixed by its SHA-256.
 */
public record Ring(long id, long runId, String platformCode, List<String> accounts, List<String> shops,
                   List<LocalDate> days, int orderCount, int parcelCount, long mass, double expected, double score,
                   String explanation, List<SignalNote> signals, String extractSha256, String ownerAgency,
                   String ownerRegion, Instant foundAt, RingState state) {

    /** A parcel or review signal that touches the ring. */
    public record SignalNote(String kind, String shop, int accounts, String explanation) {
    }

    /** How many times more orders the block holds than chance would put there. */
    public double ratio() {
        return expected <= 0 ? Double.POSITIVE_INFINITY : mass / expected;
    }

    public boolean open() {
        return state instanceof RingState.Open;
    }
}
