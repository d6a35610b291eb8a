package cn.wangjian.stream;

import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

/**
 * The first stream job: checks the unified social credit codes of reported subjects with the engine and emits
 * one rejection per malformed code. Source and sink are the caller's, so that tests and a Kafka deployment
 * wire the same pipeline.
 */
public final class CreditCodeCheckJob {

    /** A reported subject: the reporter's record id and the code as reported. */
    public record ReportedSubject(String recordId, String creditCode) {
    }

    /** A code that the engine rejected, with the engine's reason. */
    public record Rejection(String recordId, String creditCode, String reason) {
    }

    private CreditCodeCheckJob() {
    }

    public static DataStream<Rejection> build(DataStream<ReportedSubject> subjects) {
        return subjects.flatMap(new Check()).name("check-credit-codes");
    }

    static final class Check implements FlatMapFunction<ReportedSubject, Rejection> {
        @Override
        public void flatMap(ReportedSubject subject, Collector<Rejection> out) {
            try {
                UnifiedSocialCreditCode.parse(subject.creditCode());
            } catch (UnifiedSocialCreditCode.InvalidCodeException e) {
                out.collect(new Rejection(subject.recordId(), subject.creditCode(), e.getMessage()));
            }
        }
    }
}
