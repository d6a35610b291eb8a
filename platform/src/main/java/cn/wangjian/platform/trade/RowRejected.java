package cn.wangjian.platform.trade;

/** A reported row that cannot be kept, with the field and the reason in Chinese (and English in brackets). */
final class RowRejected extends RuntimeException {
    RowRejected(String message) {
        super(message, null, false, false);
    }
}
