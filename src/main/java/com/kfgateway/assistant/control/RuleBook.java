package com.kfgateway.assistant.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A parsed rules file. The format (documented for operators at the top of {@code assistant/default-rules.txt}), one
 * instruction per line, blank lines and {@code #} comments ignored:
 * <pre>
 * keyword 价格|多少钱|price => answer      rule: any of the words occurs in the message
 * regex (?i)\brefunds?\b => answer         rule: the Java regex finds a match (case-insensitive anyway)
 * handover: 转人工|人工|human               phrases that hand over to a human (may repeat; checked before rules)
 * handover-reply: text                     required: what the customer reads when handed over
 * fallback: text                           required: the answer when no rule matches
 * welcome: text                            optional: the welcome on entering a session
 * welcome[scene]: text                     optional: the welcome for one enter_session scene
 * </pre>
 * Rules are tried in file order; the first match wins. The first {@code " => "} splits a rule. In texts {@code \n}
 * is a line break and {@code \\} a backslash.
 */
record RuleBook(List<Rule> rules, Phrases handover, String handoverReply, String fallback, String welcome,
        Map<String, String> welcomeByScene) {

    private static final String ARROW = " => ";
    private static final Pattern DIRECTIVE = Pattern.compile("(handover|handover-reply|fallback|welcome"
            + "|welcome\\[([0-9A-Za-z_-]{1,32})\\])\\s*:(.*)");

    static RuleBook parse(List<String> lines) throws RulesFileException {
        List<Rule> rules = new ArrayList<>();
        Phrases handover = new Phrases(List.of());
        Map<String, String> texts = new HashMap<>();
        Map<String, Integer> seenOn = new HashMap<>();
        Map<String, String> welcomeByScene = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("keyword ") || line.startsWith("regex ")) {
                rules.add(rule(rules.size() + 1, lineNumber, line));
                continue;
            }
            Matcher directive = DIRECTIVE.matcher(line);
            if (!directive.matches()) {
                throw new RulesFileException(lineNumber, "cannot understand \"" + abbreviated(line) + "\"; a line "
                        + "starts with keyword, regex, handover:, handover-reply:, fallback:, welcome: or "
                        + "welcome[scene]:");
            }
            String name = directive.group(1);
            String value = directive.group(3).strip();
            if (value.isEmpty()) {
                throw new RulesFileException(lineNumber, name + ": has no text");
            }
            if (name.equals("handover")) {
                handover = handover.and(Phrases.parse(value));
                continue;
            }
            Integer earlier = seenOn.putIfAbsent(name, lineNumber);
            if (earlier != null) {
                throw new RulesFileException(lineNumber, name + ": is already set on line " + earlier);
            }
            if (directive.group(2) != null) {
                welcomeByScene.put(directive.group(2), unescape(value));
            } else {
                texts.put(name, unescape(value));
            }
        }
        if (!texts.containsKey("fallback")) {
            throw new RulesFileException(0, "there is no \"fallback:\" line (the answer when no rule matches)");
        }
        if (!texts.containsKey("handover-reply")) {
            throw new RulesFileException(0, "there is no \"handover-reply:\" line (the text shown when handing "
                    + "over to a human)");
        }
        return new RuleBook(List.copyOf(rules), handover, texts.get("handover-reply"), texts.get("fallback"),
                texts.get("welcome"), Map.copyOf(welcomeByScene));
    }

    private static Rule rule(int number, int lineNumber, String line) throws RulesFileException {
        boolean keyword = line.startsWith("keyword ");
        int arrow = line.indexOf(ARROW);
        if (arrow < 0) {
            throw new RulesFileException(lineNumber, "a rule needs \" => \" between the "
                    + (keyword ? "keywords" : "regex") + " and the answer");
        }
        String condition = line.substring(keyword ? "keyword ".length() : "regex ".length(), arrow).strip();
        String answer = unescape(line.substring(arrow + ARROW.length()).strip());
        if (condition.isEmpty() || answer.isEmpty()) {
            throw new RulesFileException(lineNumber, "a rule needs both " + (keyword ? "keywords" : "a regex")
                    + " and an answer");
        }
        if (keyword) {
            Phrases words = Phrases.parse(condition);
            if (words.isEmpty()) {
                throw new RulesFileException(lineNumber, "the keyword rule has no words");
            }
            return new Rule(number, lineNumber, words, null, answer);
        }
        try {
            Pattern regex = Pattern.compile(condition, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            return new Rule(number, lineNumber, null, regex, answer);
        } catch (PatternSyntaxException e) {
            throw new RulesFileException(lineNumber, "the regex is invalid: " + e.getDescription() + " near index "
                    + e.getIndex());
        }
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == 'n' || text.charAt(i + 1) == '\\')) {
                out.append(text.charAt(++i) == 'n' ? '\n' : '\\');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String abbreviated(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}
