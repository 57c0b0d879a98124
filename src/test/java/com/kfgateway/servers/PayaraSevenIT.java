package com.kfgateway.servers;

import com.kfgateway.it.PayaraProcess;
import org.junit.jupiter.api.BeforeAll;

/** The unchanged WAR on Payara Micro 7 (Jakarta EE 11) and Java 21 or newer. */
class PayaraSevenIT extends ServerSmoke {

    @BeforeAll
    static void boot() throws Exception {
        gateway = withEchoingModel("it-payara7")
                .on((workDir, env) -> new PayaraProcess(workDir, env, PayaraProcess.Runtime.micro7())).start();
    }
}
