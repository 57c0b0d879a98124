package com.kfgateway.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jacoco.core.tools.ExecDumpClient;
import org.jacoco.core.tools.ExecFileLoader;

/**
 * JaCoCo's agent on a Payara process the ITs boot, listening on a loopback port. The execution data is fetched over
 * that port before the process stops, and before it is killed: a kill -9 (the crash tests) would otherwise lose
 * everything the process ran. Off unless the build passes the agent's jar (mvn verify does).
 */
final class CoverageAgent {

    private final Path agentJar;
    private final Path dataFile;
    private final int port;

    private CoverageAgent(Path agentJar, Path dataFile, int port) {
        this.agentJar = agentJar;
        this.dataFile = dataFile;
        this.port = port;
    }

    static Optional<CoverageAgent> fromBuild() throws IOException {
        String jar = System.getProperty("kfgateway.it.jacoco-agent");
        String file = System.getProperty("kfgateway.it.jacoco-file");
        if (jar == null || jar.isBlank() || file == null || file.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new CoverageAgent(Path.of(jar), Path.of(file), PayaraProcess.freePort()));
    }

    String jvmArgument() {
        return "-javaagent:" + agentJar + "=output=tcpserver,address=127.0.0.1,port=" + port
                + ",includes=com.kfgateway.*";
    }

    /** Appends what the process ran so far to the build's execution data; a failure only costs coverage. */
    void collect() {
        ExecDumpClient client = new ExecDumpClient();
        client.setRetryCount(3);
        try {
            ExecFileLoader data = client.dump("127.0.0.1", port);
            data.save(dataFile.toFile(), true);
        } catch (IOException e) {
            System.err.println("coverage of the Payara process on port " + port + " not collected: " + e);
        }
    }
}
