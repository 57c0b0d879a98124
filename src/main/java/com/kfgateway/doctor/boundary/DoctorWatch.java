package com.kfgateway.doctor.boundary;

import com.kfgateway.cluster.control.ClusterConfig;
import com.kfgateway.cluster.control.Leases;
import com.kfgateway.doctor.control.DoctorConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The doctor looks by itself every DOCTOR_INTERVAL_MINUTES (10 by default, a tenth either way at random), on one node
 * of a cluster: a secret reset, an account taken away or a callback gone quiet shows, and alerts staff, without
 * anyone opening the page. Events that matter (a token that stops renewing, kf_account_auth_change) make it look at
 * once besides. Single-action, non-persistent timers (Payara Micro has no persistent ones), re-armed after each.
 *
 * <p>Bean-managed transactions: a look calls WeCom and must not hold a transaction.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class DoctorWatch {

    static final String LEASE_NAME = "timer:doctor";
    private static final Logger LOG = Logger.getLogger(DoctorWatch.class.getName());

    @Resource
    TimerService timers;

    @Inject
    SetupDoctor doctor;

    @Inject
    DoctorConfig config;

    @Inject
    ClusterConfig cluster;

    @Inject
    Leases leases;

    /** When this node, holding the lease, looks next; the first look is the start-up report's. */
    private volatile Instant nextLook;

    @PostConstruct
    void start() {
        nextLook = Instant.now().plus(jitteredInterval());
        arm();
    }

    /**
     * Ticks at least once per cluster lease time, like the other timers: the node holding the lease keeps it and
     * looks when its interval is up; the others only ask for the lease, and take over within three lease times of
     * the holder's death.
     */
    @Timeout
    void tick() {
        try {
            Instant now = Instant.now();
            if (holdsLease() && !now.isBefore(nextLook)) {
                nextLook = now.plus(jitteredInterval());
                doctor.examine(false);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the periodic setup check failed: " + e.getClass().getSimpleName(), e);
        } finally {
            arm();
        }
    }

    private boolean holdsLease() {
        try {
            return leases.hold(LEASE_NAME, cluster.workLease().multipliedBy(3));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the doctor's lease could not be read; the next tick tries again", e);
            return false;
        }
    }

    private Duration jitteredInterval() {
        return config.jittered(ThreadLocalRandom.current().nextDouble());
    }

    private void arm() {
        Duration untilLook = Duration.between(Instant.now(), nextLook);
        Duration next = untilLook.compareTo(cluster.workLease()) < 0 ? untilLook : cluster.workLease();
        timers.createSingleActionTimer(Math.max(100, next.toMillis()), new TimerConfig(LEASE_NAME, false));
    }
}
