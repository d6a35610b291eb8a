package cn.wangjian.platform.brushing;

import java.time.Instant;

/** Where a ring stands: open for review, confirmed into a clue with its evidence, or dismissed with a reason. */
public sealed interface RingState {

    String label();

    record Open() implements RingState {
        public String label() {
            return "待研判";
        }
    }

    record Confirmed(String by, Instant at, long clueId, long evidenceSeq) implements RingState {
        public String label() {
            return "已确认，生成线索";
        }
    }

    record Dismissed(String by, Instant at, String reason) implements RingState {
        public String label() {
            return "已排除";
        }
    }
}
