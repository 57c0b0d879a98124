package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.SimulatedCorp;
import java.security.SecureRandom;

/**
 * The sandbox's corp: fixed, readable ids (so conversations kept in the database still match after a restart) and
 * secrets drawn at random on every start, never written anywhere.
 * <p>
 * One self-built app holds both rights, so the KF secret equals the app secret: the setup most corps use, and the
 * one in which the classic mistake happens — the app is missing from 微信客服 → 可调用接口的应用, its secret still
 * fetches tokens, and every send fails with 95018. The "KF secret without KF rights" switch reproduces exactly that.
 */
public final class SandboxSeed {

    public static final String CORP_ID = "wwsandbox0kfgateway";
    public static final int AGENT_ID = 1000002;
    public static final String SHOP_ACCOUNT = "wkSandboxShopSupport01";
    public static final String SALES_ACCOUNT = "wkSandboxSalesDesk0002";
    public static final String RECEPTIONIST_ALICE = "alice";
    public static final String RECEPTIONIST_BOB = "bob";
    public static final String CUSTOMER_WANG = "wmSandboxCustomerWang01";
    public static final String CUSTOMER_EMMA = "wmSandboxCustomerEmma02";

    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxSeed() {
    }

    public static SimulatedCorp randomCorp() {
        String secret = random(43);
        return new SimulatedCorp(CORP_ID, secret, AGENT_ID, secret, random(16), random(43));
    }

    /**
     * Two accounts the app manages, two receptionists who start offline (so the bot answers until someone goes
     * online), two customers; new sessions go to a receiving receptionist when there is one, as WeCom's
     * 智能分配 does.
     */
    public static void seed(WeComSimulator simulator) {
        simulator.addAccount(SHOP_ACCOUNT, "Sandbox Shop 售后客服", true);
        simulator.addAccount(SALES_ACCOUNT, "Sandbox Sales 售前咨询", true);
        simulator.addServicer(SHOP_ACCOUNT, RECEPTIONIST_ALICE, false);
        simulator.addServicer(SHOP_ACCOUNT, RECEPTIONIST_BOB, false);
        simulator.addServicer(SALES_ACCOUNT, RECEPTIONIST_BOB, false);
        simulator.addMember(RECEPTIONIST_ALICE);
        simulator.addMember(RECEPTIONIST_BOB);
        simulator.addCustomer(CUSTOMER_WANG, "王小明");
        simulator.addCustomer(CUSTOMER_EMMA, "Emma");
        simulator.setRouteToOnlineServicers(true);
    }

    static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }
}
