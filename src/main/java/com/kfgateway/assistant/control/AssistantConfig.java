package com.kfgateway.assistant.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every assistant setting. Without {@code assistant.base-url} the built-in rules answer; with it, an
 * OpenAI-compatible chat model does. The API key is only ever put in the Authorization header.
 */
@ApplicationScoped
public class AssistantConfig {

    public static final String DEFAULT_MODEL = "deepseek-chat";
    /** A chat answer is a few KB; a megabyte is room for any, and for nothing a customer could be sent. */
    public static final long DEFAULT_RESPONSE_MAX_BYTES = 1024 * 1024;
    public static final String DEFAULT_SYSTEM_PROMPT = "You are the customer service assistant of this shop on "
            + "WeChat. Answer in the customer's language (Chinese or English), briefly and politely, in plain text "
            + "without Markdown. Only state facts you were given or that are common knowledge; if you do not know, "
            + "say so instead of guessing. If the customer asks for a human, is upset, or you cannot help, reply "
            + "with a line containing only [HANDOVER] and then one short sentence telling the customer that a "
            + "colleague will take over.\n"
            + "你是本店在微信上的客服助手。请用客户使用的语言（中文或英文）简短、礼貌地回答，使用纯文本，不要使用 Markdown。"
            + "只陈述你确知的信息，不知道就直说，不要编造。如果客户要求人工、情绪不满，或你无法帮助，请单独一行输出 [HANDOVER]，"
            + "再用一句话告诉客户将由同事接手。";

    @Inject
    @ConfigProperty(name = "assistant.base-url")
    Optional<String> baseUrl;

    @Inject
    @ConfigProperty(name = "assistant.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "assistant.model", defaultValue = DEFAULT_MODEL)
    String model;

    @Inject
    @ConfigProperty(name = "assistant.system-prompt", defaultValue = DEFAULT_SYSTEM_PROMPT)
    String systemPrompt;

    /** How many earlier turns go to the model with the new message. */
    @Inject
    @ConfigProperty(name = "assistant.context-messages", defaultValue = "10")
    int contextMessages;

    @Inject
    @ConfigProperty(name = "assistant.timeout-seconds", defaultValue = "20")
    int timeoutSeconds;

    /** A filesystem path; unset means the built-in default rules. */
    @Inject
    @ConfigProperty(name = "assistant.rules-file")
    Optional<String> rulesFile;

    @Inject
    @ConfigProperty(name = "assistant.handover-on-failure", defaultValue = "true")
    boolean handoverOnFailure;

    /** Read as text: a malformed value falls back to the default instead of failing the deployment. */
    @Inject
    @ConfigProperty(name = "assistant.response-max-bytes")
    Optional<String> responseMaxBytes = Optional.empty();

    public AssistantConfig() {
    }

    /** For tests and the sandbox: explicit values; {@code null} model or prompt take the defaults. */
    public AssistantConfig(String baseUrl, String apiKey, String model, String systemPrompt, int contextMessages,
            int timeoutSeconds, String rulesFile, boolean handoverOnFailure) {
        this.baseUrl = Optional.ofNullable(baseUrl);
        this.apiKey = Optional.ofNullable(apiKey);
        this.model = model == null ? DEFAULT_MODEL : model;
        this.systemPrompt = systemPrompt == null ? DEFAULT_SYSTEM_PROMPT : systemPrompt;
        this.contextMessages = contextMessages;
        this.timeoutSeconds = timeoutSeconds;
        this.rulesFile = Optional.ofNullable(rulesFile);
        this.handoverOnFailure = handoverOnFailure;
    }

    /** Only the built-in rules, no model. */
    public static AssistantConfig rulesOnly(String rulesFile) {
        return new AssistantConfig(null, null, null, null, 10, 20, rulesFile, true);
    }

    public boolean modelConfigured() {
        return baseUrl() != null;
    }

    public String baseUrl() {
        return trimmed(baseUrl);
    }

    /** {@code {baseUrl}/chat/completions}, whether or not the base URL ends with a slash. */
    public URI chatCompletionsUri() {
        String base = baseUrl();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/chat/completions");
    }

    /** {@code null} when unset: local models (Ollama) need none. */
    public String apiKey() {
        return trimmed(apiKey);
    }

    public String model() {
        return model == null || model.isBlank() ? DEFAULT_MODEL : model.trim();
    }

    public String systemPrompt() {
        return systemPrompt == null || systemPrompt.isBlank() ? DEFAULT_SYSTEM_PROMPT : systemPrompt;
    }

    public int contextMessages() {
        return Math.max(0, contextMessages);
    }

    public Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    /** The most of the model's HTTP answer that is read; the default when unset, malformed or not positive. */
    public long responseMaxBytes() {
        try {
            long value = Long.parseLong(trimmed(responseMaxBytes));
            return value > 0 ? value : DEFAULT_RESPONSE_MAX_BYTES;
        } catch (NumberFormatException e) {
            return DEFAULT_RESPONSE_MAX_BYTES;
        }
    }

    public String rulesFile() {
        return trimmed(rulesFile);
    }

    public boolean handoverOnFailure() {
        return handoverOnFailure;
    }

    private static String trimmed(Optional<String> value) {
        return value == null ? null : value.map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    }
}
