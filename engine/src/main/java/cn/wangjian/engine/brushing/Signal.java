package cn.wangjian.engine.brushing;

import java.util.List;

/**
 * A piece of evidence of fake transactions that is not a ring: an empty parcel or a fake-review pattern. {@code
 * subjects} are the parcels' tracking numbers or the reviews' ids it concerns, {@code accounts} the buyers.
 */
public record Signal(Kind kind, List<String> subjects, List<String> accounts, String shop, String explanation) {

    public enum Kind {
        /** 空包: a parcel too light to hold the goods. */
        LIGHT_PARCEL,
        /** 空包: signed for minutes after pickup. */
        INSTANT_SIGN,
        /** One tracking number on several orders. */
        REUSED_TRACKING_NUMBER,
        /** Parcels to different buyers picked up and signed for at one place. */
        SAME_PLACE,
        /** One pickup → sign route used for many buyers on one day. */
        REUSED_ROUTE,
        /** Near-identical review texts from different accounts. */
        DUPLICATE_REVIEWS,
        /** A burst of top ratings at one shop on one day. */
        RATING_BURST,
        /** One image in the reviews of different accounts. */
        REUSED_IMAGES
    }

    public Signal {
        subjects = List.copyOf(subjects);
        accounts = List.copyOf(accounts);
    }
}
