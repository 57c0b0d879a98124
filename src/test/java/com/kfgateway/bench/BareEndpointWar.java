package com.kfgateway.bench;

import com.kfgateway.bench.bare.BareApplication;
import com.kfgateway.bench.bare.BareResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs the bare endpoint ({@code com.kfgateway.bench.bare}, compiled with the tests) into a WAR at run time, so the
 * build needs no second module: WEB-INF/classes with its two classes, nothing else. Deployed at
 * {@link #CONTEXT_ROOT}, it answers {@code POST /bench-bare/api/bare}.
 */
final class BareEndpointWar {

    static final String CONTEXT_ROOT = "/bench-bare";
    static final String PATH = CONTEXT_ROOT + "/api/bare";

    private BareEndpointWar() {
    }

    static Path write(Path war) throws IOException {
        Files.createDirectories(war.getParent());
        try (OutputStream file = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Class<?> type : List.of(BareApplication.class, BareResource.class)) {
                String name = type.getName().replace('.', '/') + ".class";
                zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + name));
                try (InputStream in = BareEndpointWar.class.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return war;
    }
}
