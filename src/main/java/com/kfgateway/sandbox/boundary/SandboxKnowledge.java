package com.kfgateway.sandbox.boundary;

import com.kfgateway.knowledge.boundary.KnowledgeBase;
import com.kfgateway.sandbox.control.SandboxSeed;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In sandbox mode, the sandbox shop's two KF accounts answer from the shop's FAQ (knowledge/sandbox-shop-faq.md,
 * entries F01–F25), put into their knowledge bases at the first start; an account that already has documents
 * keeps what staff gave it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SandboxKnowledge {

    static final String FAQ = "sandbox-shop-faq.md";
    private static final Logger LOG = Logger.getLogger(SandboxKnowledge.class.getName());

    @Inject
    SandboxMode sandboxMode;

    @Inject
    KnowledgeBase knowledge;

    @PostConstruct
    void seed() {
        if (!sandboxMode.isActive()) {
            return;
        }
        String markdown = faq();
        for (String account : List.of(SandboxSeed.SHOP_ACCOUNT, SandboxSeed.SALES_ACCOUNT)) {
            try {
                if (!knowledge.hasDocuments(account)) {
                    knowledge.putFaq(account, FAQ, markdown, "sandbox");
                }
            } catch (RuntimeException e) {
                // Another node seeding at the same moment, or the database away: the sandbox still runs.
                LOG.log(Level.WARNING, "the sandbox shop's FAQ was not put into " + account, e);
            }
        }
    }

    static String faq() {
        try (InputStream in = SandboxKnowledge.class.getResourceAsStream("/knowledge/" + FAQ)) {
            if (in == null) {
                throw new IllegalStateException("knowledge/" + FAQ + " is missing from the WAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
