package com.kfgateway.assistant.control;

import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.assistant.entity.Question;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The built-in answerer: ordered keyword and regex rules from a plain text file (format in {@link RuleBook}), no
 * network. A broken rules file never stops the gateway: the built-in default rules answer instead, and
 * {@link #problems()} says which line is wrong.
 */
public class RulesEngine implements AnswerEngine {

    public static final String NAME = "rules";
    static final String DEFAULT_RULES = "/assistant/default-rules.txt";
    private static final Logger LOG = Logger.getLogger(RulesEngine.class.getName());

    private final RuleBook book;
    private final List<String> problems;

    RulesEngine(RuleBook book, List<String> problems) {
        this.book = book;
        this.problems = List.copyOf(problems);
    }

    /** The rules shipped with the gateway (an example shop, in Chinese and English). */
    public static RulesEngine defaults() {
        try (InputStream in = RulesEngine.class.getResourceAsStream(DEFAULT_RULES)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RULES + " is missing from the classpath");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            return new RulesEngine(RuleBook.parse(lines), List.of());
        } catch (IOException | RulesFileException e) {
            throw new IllegalStateException("the built-in " + DEFAULT_RULES + " is broken: " + e.getMessage(), e);
        }
    }

    /** The rules in {@code rulesFile}, or the defaults when it is unset; see {@link #fromFile(Path)}. */
    public static RulesEngine load(String rulesFile) {
        return rulesFile == null || rulesFile.isBlank() ? defaults() : fromFile(Path.of(rulesFile.trim()));
    }

    /** The rules in the file; when it cannot be read or has a bad line, the defaults with the problem recorded. */
    public static RulesEngine fromFile(Path file) {
        try {
            return new RulesEngine(RuleBook.parse(Files.readAllLines(file, StandardCharsets.UTF_8)), List.of());
        } catch (IOException | RulesFileException e) {
            String problem = "rules file " + file + (e instanceof IOException ? " cannot be read (" + e + ")" : " "
                    + e.getMessage()) + "; the built-in default rules answer instead";
            LOG.warning(problem);
            RulesEngine defaults = defaults();
            return new RulesEngine(defaults.book, List.of(problem));
        }
    }

    /** Strict: the rules in the text, or the first problem. For previews and tests. */
    public static RulesEngine parse(String text) throws RulesFileException {
        return new RulesEngine(RuleBook.parse(text.lines().toList()), List.of());
    }

    @Override
    public Answer answer(Question question) {
        return handover(question.customerText()).or(() -> matched(question)).orElseGet(this::fallback);
    }

    /** The answer of the rule that matches the question, if one does (handover phrases aside). */
    public Optional<Answer> matched(Question question) {
        return ruleFor(question.customerText()).map(rule -> new Answer(rule.answer(), false, NAME, rule.describe()));
    }

    /** What is said when no rule matches. */
    public Answer fallback() {
        return new Answer(book.fallback(), false, NAME, "no rule matched → fallback");
    }

    /**
     * A turn of several lines ("在吗" / "这个多少钱") is decided by its newest line that a rule knows: the greeting
     * before the question must not answer it. Only when no single line matches is the whole text tried.
     */
    private Optional<Rule> ruleFor(String text) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            Optional<Rule> rule = book.rules().stream().filter(r -> r.matches(line)).findFirst();
            if (rule.isPresent()) {
                return rule;
            }
        }
        return book.rules().stream().filter(rule -> rule.matches(text)).findFirst();
    }

    /** The handover answer when the text contains a handover phrase. */
    public Optional<Answer> handover(String customerText) {
        return book.handover().firstIn(customerText).map(phrase -> new Answer(book.handoverReply(), true, NAME,
                "handover phrase \"" + phrase + "\" matched"));
    }

    /** The welcome for an enter_session scene, else the general one; empty when the rules define none. */
    public String welcomeText(String scene) {
        String forScene = scene == null ? null : book.welcomeByScene().get(scene);
        if (forScene != null) {
            return forScene;
        }
        return book.welcome() == null ? "" : book.welcome();
    }

    public String fallbackText() {
        return book.fallback();
    }

    public String handoverReply() {
        return book.handoverReply();
    }

    public int ruleCount() {
        return book.rules().size();
    }

    /** Why the configured rules file is not in use; empty when it is (or none is configured). */
    public List<String> problems() {
        return problems;
    }
}
