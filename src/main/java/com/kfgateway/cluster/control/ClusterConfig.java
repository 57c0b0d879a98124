package com.kfgateway.cluster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the cluster's leases. */
@ApplicationScoped
public class ClusterConfig {

    /**
     * How long a lease on a turn or a pull lasts unless renewed: what a node that dies mid-work costs the others
     * in waiting, and more than one turn (session gate, model, first send) takes. Timers that run for the whole
     * cluster are taken over by another node within a few of these.
     */
    @Inject
    @ConfigProperty(name = "cluster.lease-seconds", defaultValue = "60")
    int leaseSeconds;

    /** This node's name in the leases; unset, the host name and a digest of the working directory. */
    @Inject
    @ConfigProperty(name = "cluster.node-name")
    Optional<String> nodeName;

    public Optional<String> nodeName() {
        return nodeName == null ? Optional.empty() : nodeName.map(String::trim).filter(n -> !n.isEmpty());
    }

    public Duration workLease() {
        return Duration.ofSeconds(Math.max(5, leaseSeconds));
    }
}
