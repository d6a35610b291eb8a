package cn.wangjian.platform.web;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the platform where it is and how to log in. */
@Component
class StartupBanner {

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String dataDir = event.getApplicationContext().getEnvironment().getProperty("wangjian.data-dir", "data");
        System.out.println("wangjian 网监已启动 (started): http://localhost:" + web.getWebServer().getPort() + "/");
        System.out.println("登录 (log in): 首次启动生成的账号和密码见 " + dataDir
                + "/initial-credentials.txt（用户 admin 为系统管理员）; accounts and passwords are in that file.");
    }
}
