package cn.wangjian.platform.trade;

import java.util.List;

/**
 * The outcome of one report: rows read, rows stored (new or changed), rows already held unchanged (a resent batch
 * changes nothing), every rejected row with its line and reason, and whether anything was written.
 */
public record TradeReport(long id, TradeKind kind, String mode, int rows, int stored, int unchanged,
                          List<Rejected> rejected, boolean committed) {

    public record Rejected(long line, String reason) {
    }

    public TradeReport {
        rejected = List.copyOf(rejected);
    }
}
