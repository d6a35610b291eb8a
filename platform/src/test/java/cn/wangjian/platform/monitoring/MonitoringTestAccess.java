package cn.wangjian.platform.monitoring;

/** What tests in other packages need to know about the monitoring area's first-start data. */
public final class MonitoringTestAccess {

    private MonitoringTestAccess() {
    }

    public static String demoTaskName() {
        return DemoTask.NAME;
    }
}
