package cn.wangjian.platform.audit;

import cn.wangjian.platform.database.DatabaseProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The chain key from configuration, or the data directory's key file. */
@Configuration(proxyBeanMethods = false)
class ChainKeyConfiguration {

    @Bean
    ChainKey chainKey(DatabaseProperties properties, @Value("${wangjian.chain.key:${WANGJIAN_CHAIN_KEY:}}") String hex,
                      @Value("${wangjian.chain.retired-keys:${WANGJIAN_CHAIN_RETIRED_KEYS:}}") String retired,
                      @Value("${wangjian.chain.tsa-url:${WANGJIAN_TSA_URL:}}") String tsaUrl,
                      @Value("${wangjian.chain.tsa-certificate:${WANGJIAN_TSA_CERTIFICATE:}}") String tsaCertificate) {
        return ChainKey.load(properties.dataDir(), hex, retired)
                .withTimestamps(TimestampAuthority.configured(tsaUrl, tsaCertificate));
    }
}
