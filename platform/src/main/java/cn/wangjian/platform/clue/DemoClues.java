package cn.wangjian.platform.clue;

import cn.wangjian.platform.identity.UserAccounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On a first start with the demo users, registers two clues so that the data scope can be seen at work, and a third
 * sent to the police by the division of duties, so the police liaison has work on the landing page.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "wangjian.bootstrap.demo-clues", havingValue = "true", matchIfMissing = true)
class DemoClues implements ApplicationRunner {

    private final ClueRegister clues;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;

    private final ClueNotifications notifications;

    DemoClues(ClueRegister clues, UserAccounts accounts, JdbcClient jdbc, ClueNotifications notifications) {
        this.notifications = notifications;
        this.clues = clues;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM clue)").query(Boolean.class).single()) {
            return;
        }
        accounts.find("dc.case").ifPresent(u -> clues.register(new NewClue("某网店宣传“全网最低价”涉嫌违法广告",
                ClueSource.MONITORING, "北京某某商贸有限公司", "91350100M000100Y43",
                "网络监测发现该店铺商品标题使用“全网最低价”“最佳”等绝对化用语，涉嫌违反《广告法》第九条第（三）项。"), u));
        accounts.find("xc.case").ifPresent(u -> clues.register(new NewClue("消费者投诉某平台商家虚构原价",
                ClueSource.COMPLAINT, "北京某某电子商务有限公司", null,
                "投诉人称商家标示的“原价”在促销前七日内从未成交，涉嫌价格欺诈。"), u));
        // the police liaison's worklist: a clue of a suspected crime sent by the division of duties (公安牵头)
        accounts.find("bj.monitor").ifPresent(u -> {
            Clue clue = clues.register(new NewClue("某网店销售仿真枪（演示数据）", ClueSource.MONITORING, "北京某某户外用品店",
                    null, "网络监测发现该店铺销售外形逼真的仿真枪，涉嫌违反《中华人民共和国枪支管理法》（演示数据）。"), u);
            notifications.notify(clue.id(), "criminal", u.region().value(), false, u);
        });
    }
}
