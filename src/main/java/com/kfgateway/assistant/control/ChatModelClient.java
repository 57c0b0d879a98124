package com.kfgateway.assistant.control;

import com.kfgateway.http.Jsons;
import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.assistant.entity.Question;
import com.kfgateway.assistant.entity.Role;
import com.kfgateway.assistant.entity.Turn;
import com.kfgateway.http.BoundedBody;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Answers with an OpenAI-compatible chat model ({@code POST {baseUrl}/chat/completions}: DeepSeek, Qwen, Moonshot,
 * Ollama …). The model asks for a human by writing a line {@code [HANDOVER]}. Any failure (HTTP error, timeout,
 * malformed JSON, empty content, an answer over {@link AssistantConfig#responseMaxBytes()}, no complete answer within
 * the timeout) yields the rules engine's answer instead, so the customer always gets a reply. The API key goes into
 * the Authorization header and nowhere else: no log, note or exception carries it.
 */
public class ChatModelClient implements AnswerEngine {

    public static final String NAME = "model";
    public static final String HANDOVER_MARKER = "[HANDOVER]";
    /** Low: customer service wants consistent, factual replies more than creative ones. */
    static final double TEMPERATURE = 0.3;
    private static final Logger LOG = Logger.getLogger(ChatModelClient.class.getName());

    private final AssistantConfig config;
    private final RulesEngine fallback;
    private final HttpClient http;
    private final Observer observer;

    /** Told of every question put to the model: how long it took, and whether the rules answered it instead. */
    @FunctionalInterface
    public interface Observer {
        void answered(Duration took, boolean fellBack);
    }

    public ChatModelClient(AssistantConfig config, RulesEngine fallback) {
        this(config, fallback, (took, fellBack) -> {
        });
    }

    public ChatModelClient(AssistantConfig config, RulesEngine fallback, Observer observer) {
        this.config = config;
        this.fallback = fallback;
        this.observer = observer;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Answer answer(Question question) {
        long started = System.nanoTime();
        String content;
        try {
            content = complete(question);
        } catch (ModelFailure failure) {
            observer.answered(Duration.ofNanos(System.nanoTime() - started), true);
            return fallbackFor(question, failure.getMessage());
        }
        observer.answered(Duration.ofNanos(System.nanoTime() - started), false);
        return parse(content);
    }

    private String complete(Question question) throws ModelFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.chatCompletionsUri()).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(question).toString(), StandardCharsets.UTF_8));
        if (config.apiKey() != null) {
            request.header("Authorization", "Bearer " + config.apiKey());
        }
        BoundedBody reply = new BoundedBody(config.responseMaxBytes());
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(), reply);
        HttpResponse<byte[]> response;
        try {
            // The whole exchange, body included: the request timeout alone ends when the headers arrive.
            response = exchange.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.abort();
            exchange.cancel(true);
            throw timedOut();
        } catch (ExecutionException e) {
            throw failureOf(e.getCause());
        } catch (InterruptedException e) {
            reply.abort();
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModelFailure("interrupted while waiting for the model");
        }
        // The body is not quoted: some providers echo part of the key in their error messages.
        if (response.statusCode() / 100 != 2) {
            throw new ModelFailure("model answered HTTP " + response.statusCode());
        }
        return content(new String(response.body(), StandardCharsets.UTF_8));
    }

    private ModelFailure failureOf(Throwable cause) {
        Throwable root = cause;
        while (root instanceof CompletionException && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof HttpTimeoutException) {
            return timedOut();
        }
        if (root instanceof BoundedBody.TooLarge) {
            return new ModelFailure("model reply larger than " + config.responseMaxBytes() + " bytes");
        }
        return new ModelFailure("model unreachable (" + root.getClass().getSimpleName() + ")");
    }

    private ModelFailure timedOut() {
        return new ModelFailure("model timed out after " + config.timeout().toSeconds() + " s");
    }

    JsonObject requestBody(Question question) {
        JsonArrayBuilder messages = Jsons.array().add(message("system", config.systemPrompt()));
        List<Turn> history = question.history();
        int keep = Math.min(history.size(), config.contextMessages());
        for (Turn turn : history.subList(history.size() - keep, history.size())) {
            messages.add(message(turn.role() == Role.CUSTOMER ? "user" : "assistant", turn.text()));
        }
        messages.add(message("user", question.customerText()));
        return Jsons.object().add("model", config.model()).add("messages", messages)
                .add("temperature", TEMPERATURE).build();
    }

    private static JsonObject message(String role, String content) {
        return Jsons.object().add("role", role).add("content", content).build();
    }

    private static String content(String body) throws ModelFailure {
        String content;
        try (JsonReader reader = Jsons.reader(new StringReader(body))) {
            content = reader.readObject().getJsonArray("choices").getJsonObject(0).getJsonObject("message")
                    .getString("content");
        } catch (RuntimeException e) {
            // JsonException, a missing field (NullPointerException) or a wrong type (ClassCastException) alike.
            throw new ModelFailure("model reply is not the expected JSON");
        }
        if (content.isBlank()) {
            throw new ModelFailure("model returned empty content");
        }
        return content;
    }

    private Answer parse(String content) {
        boolean handover = content.toUpperCase(Locale.ROOT).contains(HANDOVER_MARKER);
        if (!handover) {
            return new Answer(content.strip(), false, NAME, "model answered");
        }
        String text = content.replaceAll("(?i)\\[HANDOVER\\]", "").strip();
        return new Answer(text.isEmpty() ? fallback.handoverReply() : text, true, NAME, "model asked for a human");
    }

    private Answer fallbackFor(Question question, String reason) {
        LOG.warning(reason + "; answering with the rules instead");
        Answer rules = fallback.answer(question);
        boolean handover = rules.handover() || config.handoverOnFailure();
        // "I can't answer, reply 'human'" reads wrong to a customer who is being handed to a human already.
        String text = handover && rules.text().equals(fallback.fallbackText()) ? fallback.handoverReply()
                : rules.text();
        return new Answer(text, handover, NAME, reason + " → rules fallback (" + rules.note() + ")");
    }

    /** Why the model gave no usable answer; its message is shown to operators, so it never holds the key. */
    private static final class ModelFailure extends Exception {
        ModelFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
