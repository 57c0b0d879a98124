package com.kfgateway.servers;

import com.kfgateway.it.GatewayBuilder;
import com.kfgateway.it.WildFlyProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The unchanged WAR on WildFly 39, set up by server-config/wildfly/kf-gateway.cli. Off unless
 * -Dkfgateway.it.wildfly=true: from a fresh clone the customer's answer is not sent within a minute (an
 * optimistic-lock conflict found at commit under WildFly's transaction manager; URL check, login and log are fine),
 * which is open in issue 10.
 */
@EnabledIfSystemProperty(named = "kfgateway.it.wildfly", matches = "true")
class WildFlyIT extends ServerSmoke {

    @BeforeAll
    static void boot() throws Exception {
        gateway = GatewayBuilder.inWorkDir("it-wildfly").on(WildFlyProcess::new).start();
    }
}
