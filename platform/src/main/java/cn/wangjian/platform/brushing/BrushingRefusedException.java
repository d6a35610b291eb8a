package cn.wangjian.platform.brushing;

/** A brushing step the rules or the ring's state do not allow, with the reason in Chinese. */
public class BrushingRefusedException extends RuntimeException {
    BrushingRefusedException(String message) {
        super(message);
    }
}
