package cn.wangjian.platform;

import cn.wangjian.engine.time.Clocks;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the platform, in China time: every reading of "now" (deadlines, document years, worklists,
 * schedules, throttling, timestamps) takes this bean. {@code wangjian.clock} (or {@code WANGJIAN_CLOCK}) starts the
 * platform at another moment, fixed or running ({@link Clocks}); tests replace the bean.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${wangjian.clock:${WANGJIAN_CLOCK:}}") String spec) {
        return Clocks.of(spec, Clock.systemUTC());
    }
}
