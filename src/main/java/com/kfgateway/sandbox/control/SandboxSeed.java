package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.SimulatedCorp;

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

    private SandboxSeed() {
    }

    public static SimulatedCorp randomCorp() {
        String secret = CorpState.randomAlphanumeric(43);
        return new SimulatedCorp(CORP_ID, secret, AGENT_ID, secret, CorpState.randomAlphanumeric(16),
                CorpState.randomAlphanumeric(43));
    }

    /**
     * Two accounts the app manages, two receptionists who start offline (so the bot answers until someone goes
     * online), two customers; new sessions go to a receiving receptionist when there is one, as WeCom's
     * 智能分配 does.
     */
    public static void seed(WeComSimulator simulator) {
        CorpAdmin admin = simulator.admin();
        admin.addAccount(SHOP_ACCOUNT, "Sandbox Shop 售后客服", true);
        admin.addAccount(SALES_ACCOUNT, "Sandbox Sales 售前咨询", true);
        admin.addServicer(SHOP_ACCOUNT, RECEPTIONIST_ALICE, false);
        admin.addServicer(SHOP_ACCOUNT, RECEPTIONIST_BOB, false);
        admin.addServicer(SALES_ACCOUNT, RECEPTIONIST_BOB, false);
        admin.addMember(RECEPTIONIST_ALICE);
        admin.addMember(RECEPTIONIST_BOB);
        simulator.addCustomer(CUSTOMER_WANG, "王小明");
        simulator.addCustomer(CUSTOMER_EMMA, "Emma");
        admin.setRouteToOnlineServicers(true);
    }
}
