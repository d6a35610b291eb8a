package cn.wangjian.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * wangjian (网监). {@code java -jar wangjian-platform.jar} serves the platform; the first argument may name a
 * command instead (see {@link Commands}).
 */
@SpringBootApplication
public class WangjianApplication {

    public static void main(String[] args) {
        int exit = Commands.run(args, WangjianApplication::serve);
        if (exit >= 0) {
            System.exit(exit);
        }
    }

    static void serve(String[] args) {
        SpringApplication app = new SpringApplication(WangjianApplication.class);
        app.run(args);
    }
}
