package cn.wangjian.platform.trade;

import java.time.Instant;

/** Event: a platform's report of transactions was stored (what statistics of reported data count). */
public record TradeReported(long reportId, String platformCode, TradeKind kind, int stored, int unchanged, int rejected,
                            String reportedBy, Instant at) {
}
