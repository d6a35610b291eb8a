package cn.wangjian.platform.calendar;

import java.util.List;

/** A notice the administrator must look at again: a year already stored, or nothing new. */
public class CalendarRefusedException extends RuntimeException {

    private final List<String> differences;

    CalendarRefusedException(String message, List<String> differences) {
        super(message);
        this.differences = List.copyOf(differences);
    }

    public List<String> differences() {
        return differences;
    }
}
