package com.kfgateway.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.sandbox.entity.SimulatedAccount;
import com.kfgateway.sandbox.entity.SimulatedCorp;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class SandboxSeedTest {

    @Test
    void theKfSecretIsTheAppSecretSoTheMissingRightsSwitchModelsTheClassicMistake() {
        SimulatedCorp corp = SandboxSeed.randomCorp();
        assertEquals(corp.appSecret(), corp.kfSecret());
    }

    @Test
    void secretsAndKeysAreDrawnAnewEachTime() {
        SimulatedCorp first = SandboxSeed.randomCorp();
        SimulatedCorp second = SandboxSeed.randomCorp();
        assertNotEquals(first.appSecret(), second.appSecret());
        assertNotEquals(first.callbackToken(), second.callbackToken());
        assertNotEquals(first.callbackAesKey(), second.callbackAesKey());
        assertFalse(first.toString().contains(first.appSecret()));
    }

    @Test
    void seedsManagedAccountsOfflineReceptionistsAndRoutingToOnlineOnes() {
        WeComSimulator simulator = new WeComSimulator(SandboxSeed.randomCorp(), Clock.systemUTC());
        SandboxSeed.seed(simulator);
        assertEquals(2, simulator.admin().accounts().size());
        assertTrue(simulator.admin().accounts().stream().allMatch(SimulatedAccount::managePrivilege));
        assertTrue(
                simulator.admin().accounts().stream().flatMap(a -> a.servicers().values().stream()).noneMatch(b -> b));
        assertEquals(2, simulator.customers().size());
        assertTrue(simulator.admin().switches().routeToOnlineServicers());
    }

    @Test
    void aReceptionistGoingOnlineTakesTheNextNewSession() {
        WeComSimulator simulator = new WeComSimulator(SandboxSeed.randomCorp(), Clock.systemUTC());
        SandboxSeed.seed(simulator);
        simulator.admin().setServicerOnline(SandboxSeed.SHOP_ACCOUNT, SandboxSeed.RECEPTIONIST_BOB, true);
        simulator.customerSendsText(SandboxSeed.SHOP_ACCOUNT, SandboxSeed.CUSTOMER_EMMA, "hello");
        assertEquals(3, simulator.admin().serviceState(SandboxSeed.SHOP_ACCOUNT, SandboxSeed.CUSTOMER_EMMA));
    }
}
