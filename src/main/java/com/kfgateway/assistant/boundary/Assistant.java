package com.kfgateway.assistant.boundary;

import com.kfgateway.metrics.boundary.OperatorMetrics;
import com.kfgateway.assistant.control.AnswerEngine;
import com.kfgateway.assistant.control.AssistantConfig;
import com.kfgateway.assistant.control.ChatModelClient;
import com.kfgateway.assistant.control.RulesEngine;
import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.assistant.entity.Question;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.kfgateway.knowledge.boundary.KnowledgeLookup;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.List;

/**
 * Answers customers: the chat model when {@code assistant.base-url} is set, else the built-in rules. A handover
 * phrase from the rules ("转人工", "human") always wins and is answered without any network call, so a customer who
 * asks for a person is never kept waiting on the model.
 */
@ApplicationScoped
public class Assistant {

    /** The engine name of an answer that came from the knowledge base. */
    public static final String KNOWLEDGE = "knowledge";
    private static final Logger LOG = Logger.getLogger(Assistant.class.getName());

    @Inject
    AssistantConfig config;

    @Inject
    OperatorMetrics metrics;

    @Inject
    KnowledgeLookup knowledge;

    RulesEngine rules;
    AnswerEngine engine;

    public Assistant() {
    }

    /** For tests and the sandbox. */
    public Assistant(AssistantConfig config) {
        this(config, null);
    }

    /** For tests: with a knowledge base of their own. */
    public Assistant(AssistantConfig config, KnowledgeLookup knowledge) {
        this.config = config;
        this.knowledge = knowledge;
        init();
    }

    @PostConstruct
    void init() {
        rules = RulesEngine.load(config.rulesFile());
        engine = !config.modelConfigured() ? rules : metrics == null ? new ChatModelClient(config, rules)
                : new ChatModelClient(config, rules, metrics::modelAnswered);
    }

    /**
     * Handover phrases first; then, without a model, a matching rule, the account's knowledge base when its best
     * entry is sure enough, and the rules' fallback; with one, the model.
     */
    public Answer answer(Question question) {
        Optional<Answer> handover = rules.handover(question.customerText());
        if (handover.isPresent()) {
            return handover.get();
        }
        if (engine != rules) {
            return engine.answer(question);
        }
        return rules.matched(question).or(() -> fromKnowledge(question)).orElseGet(rules::fallback);
    }

    private Optional<Answer> fromKnowledge(Question question) {
        if (knowledge == null) {
            return Optional.empty();
        }
        try {
            return knowledge.confidentAnswer(question.openKfid(), question.customerText())
                    .map(hit -> new Answer(hit.entry().answer(), false, KNOWLEDGE, String.format(Locale.ROOT,
                            "entry %s \"%s\" (score %.1f, coverage %.2f)", hit.entry().sourceId(),
                            hit.entry().title(), hit.score(), hit.coverage())));
        } catch (RuntimeException e) {
            // The database away: the rules' fallback is still an answer, and the pipeline retries nothing for it.
            LOG.log(Level.WARNING, "the knowledge base could not be searched; the rules' fallback answers", e);
            return Optional.empty();
        }
    }

    /** The welcome for an enter_session scene; empty when the rules define none (send nothing then). */
    public String welcomeText(String scene) {
        return rules.welcomeText(scene);
    }

    /** Whether answers come from a model over the network (seconds each) rather than from the rules. */
    public boolean modelAnswers() {
        return engine instanceof ChatModelClient;
    }

    /** "model" or "rules". */
    public String engineName() {
        return engine instanceof ChatModelClient ? ChatModelClient.NAME : RulesEngine.NAME;
    }

    /**
     * How many earlier turns the assistant reads with a question ({@code assistant.context-messages}); 0 for the
     * rules engine, which reads only the new lines, so nobody loads a history that is never read.
     */
    public int contextTurns() {
        return engine instanceof ChatModelClient ? config.contextMessages() : 0;
    }

    /** What to say when nothing else can be said. */
    public String fallbackText() {
        return rules.fallbackText();
    }

    /** Why the configured rules file is not in use, for the console; empty when all is well. */
    public List<String> rulesProblems() {
        return rules.problems();
    }
}
