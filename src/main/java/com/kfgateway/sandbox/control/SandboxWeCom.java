package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.SimulatedCorp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * The sandbox's WeCom, one per application: the seeded simulator served on a free loopback port, and the chats as
 * the customers see them. Started by whichever comes first — the ConfigSource's first WeCom key (during deployment,
 * before CDI) or the servlet context listener — so the product's first calls find it listening. A static holder
 * because the ConfigSource is created by ServiceLoader, outside CDI; the CDI side reaches it through
 * {@code SandboxMode}.
 */
public final class SandboxWeCom {

    private static final Logger LOG = Logger.getLogger(SandboxWeCom.class.getName());
    private static SandboxWeCom running;

    private final SimulatedCorp corp;
    private final WeComSimulator simulator;
    private final SimulatorHttpServer server;
    private final ChatTranscript transcript = new ChatTranscript();
    private volatile URI callbackUrl;

    private SandboxWeCom(SimulatedCorp corp, WeComSimulator simulator, SimulatorHttpServer server) {
        this.corp = corp;
        this.simulator = simulator;
        this.server = server;
    }

    /** The running sandbox WeCom, started on first use. Call only in sandbox mode. */
    public static SandboxWeCom get() {
        return get(SandboxActivation.ofProcess());
    }

    static synchronized SandboxWeCom get(SandboxActivation activation) {
        if (!activation.active()) {
            throw new IllegalStateException("not in sandbox mode");
        }
        if (running == null) {
            running = start(activation.configuredCallbackUrl());
        }
        return running;
    }

    /** Stops the simulator's server; the next {@link #get()} starts a new corp. */
    public static synchronized void stop() {
        if (running != null) {
            running.server.close();
            running = null;
        }
    }

    private static SandboxWeCom start(String configuredCallbackUrl) {
        SimulatedCorp corp = SandboxSeed.randomCorp();
        WeComSimulator simulator = new WeComSimulator(corp, Clock.systemUTC());
        SandboxSeed.seed(simulator);
        try {
            SandboxWeCom sandbox = new SandboxWeCom(corp, simulator, SimulatorHttpServer.start(simulator, 0));
            if (configuredCallbackUrl != null) {
                sandbox.useCallbackUrl(URI.create(configuredCallbackUrl));
            }
            LOG.info(() -> "Sandbox mode: the built-in WeCom simulator for corp " + corp.corpId() + " listens on "
                    + sandbox.apiBase() + " (no WeCom setting is configured; see /sandbox/customer.xhtml)");
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox's WeCom simulator could not listen on loopback", e);
        }
    }

    public SimulatedCorp corp() {
        return corp;
    }

    public WeComSimulator simulator() {
        return simulator;
    }

    public ChatTranscript transcript() {
        return transcript;
    }

    public URI apiBase() {
        return server.baseUri();
    }

    public URI callbackUrl() {
        return callbackUrl;
    }

    /** Learns the product's callback URL from the first sandbox request, unless one is already known. */
    public void learnCallbackUrl(URI url) {
        synchronized (this) {
            if (callbackUrl != null) {
                return;
            }
            useCallbackUrl(url);
        }
        LOG.info(() -> "Sandbox mode: the simulator delivers callbacks to " + url);
    }

    private synchronized void useCallbackUrl(URI url) {
        callbackUrl = url;
        simulator.setCallbackUrl(url);
    }
}
