package cn.wangjian.platform.credit;

import cn.wangjian.platform.publicity.Publications;
import cn.wangjian.platform.registry.Registry;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * With the demo market, the first start also gives one demo subject penalty records of three agencies (网信,
 * 通信管理, 市场监管), imported as other agencies' records would be, so its credit file shows what gathering under
 * one credit code means. Invented demo data: each record says so in its facts.
 */
@Configuration
class DemoCredit {

    private static final Logger log = LoggerFactory.getLogger(DemoCredit.class);

    @Bean
    @Order(20)
    @ConditionalOnProperty(name = "wangjian.bootstrap.demo-market", havingValue = "true", matchIfMissing = true)
    ApplicationRunner demoCreditRecords(Registry registry, Publications publications) {
        return args -> {
            var shop = registry.searchShops("", 1).stream().filter(s -> s.operatorCreditCode() != null).findFirst();
            if (shop.isEmpty()) {
                return;
            }
            String code = shop.get().operatorCreditCode();
            var enterprise = registry.enterprise(code);
            if (enterprise.isEmpty() || !publications.allRecordsOf(code).isEmpty()) {
                return;
            }
            String name = enterprise.get().name();
            int added = 0;
            added += publications.importRecords(List.of(record("京网信罚〔2026〕演示1号", name, code, "发布违法违规信息",
                    "在网店详情页发布夸大宣传信息（演示数据）", "《中华人民共和国网络安全法》第六十八条", "警告;罚款", "警告，罚款人民币二万元",
                    "2", "2026-06-18", "北京市互联网信息办公室")), "CAC", "110000", "demo-credit");
            added += publications.importRecords(List.of(record("京通信罚〔2026〕演示2号", name, code, "网站未履行备案手续",
                    "开办的购物网站未取得 ICP 备案即提供服务（演示数据）", "《非经营性互联网信息服务备案管理办法》第二十三条", "罚款",
                    "罚款人民币五千元", "0.5", "2026-07-02", "北京市通信管理局")), "MIIT", "110000", "demo-credit");
            added += publications.importRecords(List.of(record("京市监处罚〔2026〕演示3号", name, code, "虚构原价",
                    "网店商品标示的划线价从未成交（演示数据）", "《明码标价和禁止价格欺诈规定》第十九条", "罚款", "罚款人民币三万元",
                    "3", "2026-08-11", "北京市市场监督管理局")), "SAMR", "110000", "demo-credit");
            log.info("已载入演示信用记录 (demo credit records) for {}: {}", code, added);
        };
    }

    private static Map<String, String> record(String no, String name, String code, String violation, String facts,
                                              String basis, String kinds, String content, String fineWan, String date,
                                              String authority) {
        return Map.ofEntries(Map.entry("CF_WSH", no), Map.entry("CF_XDR_MC", name), Map.entry("CF_XDR_LB", "法人及非法人组织"),
                Map.entry("CF_XDR_SHXYM", code), Map.entry("CF_WFXW", violation), Map.entry("CF_SY", facts),
                Map.entry("CF_YJ", basis), Map.entry("CF_CFLB", kinds), Map.entry("CF_NR", content),
                Map.entry("CF_NR_FK", fineWan), Map.entry("CF_JDRQ", date), Map.entry("CF_CFJG", authority));
    }
}
