package com.kfgateway.servers;

import com.kfgateway.it.WildFlyProcess;
import org.junit.jupiter.api.BeforeAll;

/** The unchanged WAR on WildFly 39, set up by server-config/wildfly/kf-gateway.cli. */
class WildFlyIT extends ServerSmoke {

    @BeforeAll
    static void boot() throws Exception {
        gateway = withEchoingModel("it-wildfly").on(WildFlyProcess::new).start();
    }
}
