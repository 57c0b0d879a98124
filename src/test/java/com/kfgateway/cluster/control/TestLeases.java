package com.kfgateway.cluster.control;

import com.kfgateway.unit.Wiring;

/** Leases for focused tests of the work done under them. */
public final class TestLeases {

    private TestLeases() {
    }

    /** A node alone on its database: every lease is its own at once, as on the embedded H2. */
    public static Leases alone() {
        return Wiring.of(Leases.class).with(new Node("alone", true)).get();
    }

    /** A node of a cluster on {@code database} (a TestDatabase), named {@code name}. */
    public static Leases node(String name, Object database) {
        return Wiring.of(Leases.class).with(Wiring.of(LeaseRows.class).with(database).get(), new Node(name, false))
                .get();
    }
}
