package com.kfgateway.admin;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static com.kfgateway.it.TestGateway.SECOND_ACCOUNT;

import com.kfgateway.it.TestGateway;
import java.time.Duration;

/**
 * Not a test: boots the product against the simulator, fills it with a plausible day of conversations and keeps it
 * running, for looking at the console by hand and taking screenshots. Run with the failsafe system properties
 * ({@code kfgateway.it.payara-jar}, {@code kfgateway.it.war}, {@code kfgateway.it.work-dir}); stop with Ctrl-C.
 */
public final class ConsoleDemo {

    private ConsoleDemo() {
    }

    public static void main(String[] args) throws Exception {
        TestGateway gateway = TestGateway.get();
        var wecom = gateway.wecom();
        String[][] customers = {
            {"wmDemoLiWei0001", "李伟", "你好，我的订单 20261129-0042 什么时候发货？"},
            {"wmDemoZhangMin02", "张敏", "请问你们周末营业吗？"},
            {"wmDemoWangFang03", "王芳", "我想退货，怎么操作？"},
            {"wmDemoChenJing04", "陈静", "发票可以开公司抬头吗"},
            {"wmDemoAnnaSmith5", "Anna Smith", "Hi, do you ship to Germany?"},
            {"wmDemoLiuYang006", "刘洋", "人工客服"},
            {"wmDemoZhaoLei007", "赵磊", "<script>alert('hi')</script> 这个会不会执行？"},
            {"wmDemoSunLi00008", "孙丽", "优惠券怎么用？"},
        };
        for (String[] c : customers) {
            wecom.addCustomer(c[0], c[1]);
        }
        gateway.faults().failNext("kf/send_msg", 95018, 1);
        for (int i = 0; i < customers.length; i++) {
            String account = i % 3 == 2 ? SECOND_ACCOUNT : ACCOUNT;
            wecom.customerSendsText(account, customers[i][0], customers[i][2]);
            Thread.sleep(700);
        }
        wecom.customerSendsImage(ACCOUNT, customers[0][0]);
        wecom.customerSendsText(ACCOUNT, customers[0][0], "上面是快递单的照片");
        gateway.faults().failNext("kf/send_msg", 45009, 5);
        wecom.customerSendsText(ACCOUNT, customers[1][0], "那节假日呢？");
        Thread.sleep(3000);
        System.out.println("CONSOLE DEMO READY at " + gateway.baseUri() + " (admin / " + TestGateway.ADMIN_PASSWORD
                + ")");
        Thread.sleep(Duration.ofHours(2).toMillis());
    }
}
