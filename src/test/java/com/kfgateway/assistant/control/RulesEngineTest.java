package com.kfgateway.assistant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.assistant.entity.Question;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesEngineTest {

    static final String SHOP = """
            # a comment
            welcome: Hi!\\nWelcome.
            welcome[spring_sale]: Spring sale!
            handover: 转人工|human
            handover-reply: Connecting you.
            keyword 价格|price => Price answer
            keyword price list => Never reached: rule 1 already matches "price"
            regex (?i)\\brefunds?\\b|退款 => Refund answer
            keyword hi => Greeting answer

            fallback: Sorry.
            """;

    static Answer ask(RulesEngine engine, String text) {
        return engine.answer(new Question("c1", text));
    }

    @Test
    void firstMatchingRuleInFileOrderWins() throws Exception {
        Answer answer = ask(RulesEngine.parse(SHOP), "Send me the price list");
        assertEquals("Price answer", answer.text());
        assertEquals("rule 1 (line 6) matched", answer.note());
        assertEquals(RulesEngine.NAME, answer.engine());
        assertFalse(answer.handover());
    }

    @Test
    void regexRuleMatchesAnywhereInTheMessage() throws Exception {
        RulesEngine engine = RulesEngine.parse(SHOP);
        assertEquals("Refund answer", ask(engine, "Can I get a refund?").text());
        assertEquals("Refund answer", ask(engine, "我要退款").text());
        assertEquals("Sorry.", ask(engine, "refundable?").text(), "\\b keeps the regex to whole words");
    }

    @Test
    void matchingIgnoresCaseAndFullWidthForms() throws Exception {
        RulesEngine engine = RulesEngine.parse(SHOP);
        assertEquals("Price answer", ask(engine, "PRICE?").text());
        assertEquals("Price answer", ask(engine, "ＰＲＩＣＥ").text());
        assertEquals("Refund answer", ask(engine, "REFUNDS please").text());
    }

    @Test
    void latinKeywordsMatchWholeWordsOnly() throws Exception {
        RulesEngine engine = RulesEngine.parse(SHOP);
        assertEquals("Sorry.", ask(engine, "this is nice").text());
        assertEquals("Greeting answer", ask(engine, "hi, anyone there?").text());
        assertEquals("Greeting answer", ask(engine, "hi你好").text());
    }

    @Test
    void aTurnOfSeveralLinesIsDecidedByItsNewestLineThatARuleKnows() throws Exception {
        RulesEngine engine = RulesEngine.parse(SHOP);
        assertEquals("Refund answer", ask(engine, "price\nhi\nrefund please").text());
        assertEquals("Greeting answer", ask(engine, "price\nhi\nthanks").text(), "an unknown last line is passed");
        assertEquals("Sorry.", ask(engine, "天气\n怎么样").text());
    }

    @Test
    void noMatchGivesTheFallback() throws Exception {
        Answer answer = ask(RulesEngine.parse(SHOP), "天气怎么样");
        assertEquals("Sorry.", answer.text());
        assertEquals("no rule matched → fallback", answer.note());
    }

    @Test
    void handoverPhraseHandsOverBeforeAnyRule() throws Exception {
        Answer answer = ask(RulesEngine.parse(SHOP), "price? 算了，转人工吧");
        assertTrue(answer.handover());
        assertEquals("Connecting you.", answer.text());
        assertEquals("handover phrase \"转人工\" matched", answer.note());
        assertTrue(ask(RulesEngine.parse(SHOP), "I want a HUMAN").handover());
    }

    @Test
    void welcomeIsChosenByEnterSessionScene() throws Exception {
        RulesEngine engine = RulesEngine.parse(SHOP);
        assertEquals("Spring sale!", engine.welcomeText("spring_sale"));
        assertEquals("Hi!\nWelcome.", engine.welcomeText("other_scene"));
        assertEquals("Hi!\nWelcome.", engine.welcomeText(null));
    }

    @Test
    void withoutWelcomeLinesTheWelcomeIsEmpty() throws Exception {
        RulesEngine engine = RulesEngine.parse("handover-reply: x\nfallback: y\n");
        assertEquals("", engine.welcomeText("any"));
    }

    @Test
    void badLineIsReportedWithItsLineNumber() {
        RulesFileException e = assertThrows(RulesFileException.class,
                () -> RulesEngine.parse("fallback: y\nhandover-reply: x\n\nkeyword price answer without arrow\n"));
        assertEquals(4, e.lineNumber());
        assertTrue(e.getMessage().startsWith("line 4: "), e.getMessage());
    }

    @Test
    void unknownInstructionAndInvalidRegexAreReportedWithTheirLineNumbers() {
        RulesFileException unknown = assertThrows(RulesFileException.class,
                () -> RulesEngine.parse("fallback: y\ngreting: hello\n"));
        assertEquals(2, unknown.lineNumber());
        assertTrue(unknown.getMessage().contains("greting"));
        RulesFileException regex = assertThrows(RulesFileException.class,
                () -> RulesEngine.parse("fallback: y\nhandover-reply: x\nregex (unclosed => a\n"));
        assertEquals(3, regex.lineNumber());
        assertTrue(regex.getMessage().contains("regex is invalid"));
    }

    @Test
    void rulesWithoutFallbackAreRejected() {
        RulesFileException e = assertThrows(RulesFileException.class, () -> RulesEngine.parse("handover-reply: x\n"));
        assertTrue(e.getMessage().contains("fallback"));
    }

    @Test
    void brokenRulesFileFallsBackToDefaultsAndSaysWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.txt");
        Files.writeString(file, "fallback: mine\nhandover-reply: x\nkeyword oops\n", StandardCharsets.UTF_8);
        RulesEngine engine = RulesEngine.fromFile(file);
        assertEquals(RulesEngine.defaults().fallbackText(), engine.fallbackText());
        assertEquals(1, engine.problems().size());
        assertTrue(engine.problems().get(0).contains("line 3"), engine.problems().get(0));
    }

    @Test
    void missingRulesFileFallsBackToDefaults(@TempDir Path dir) {
        RulesEngine engine = RulesEngine.load(dir.resolve("absent.txt").toString());
        assertFalse(engine.problems().isEmpty());
        assertTrue(engine.ruleCount() > 0);
    }

    @Test
    void rulesFileOverridesTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.txt");
        Files.writeString(file, "handover-reply: x\nkeyword 价格 => 99 元\nfallback: 不知道\n", StandardCharsets.UTF_8);
        RulesEngine engine = RulesEngine.load(file.toString());
        assertTrue(engine.problems().isEmpty());
        assertEquals("99 元", ask(engine, "价格多少").text());
    }

    @Test
    void defaultRulesLoadAndAnswerTheExampleShopInBothLanguages() {
        RulesEngine engine = RulesEngine.defaults();
        assertTrue(engine.problems().isEmpty());
        assertTrue(ask(engine, "这个多少钱？").note().startsWith("rule 3 "), ask(engine, "这个多少钱？").note());
        assertTrue(ask(engine, "How much is it?").note().startsWith("rule 3 "));
        assertTrue(ask(engine, "I want a refund").text().contains("7"));
        assertTrue(ask(engine, "转人工").handover());
        assertTrue(ask(engine, "can I talk to an agent").handover());
        assertFalse(engine.welcomeText(null).isBlank());
        assertTrue(engine.welcomeText("spring_sale").contains("春季促销"));
        assertTrue(engine.fallbackText().contains("Sorry"));
    }

    @Test
    void defaultAnswersFitInOneWeComTextMessage() throws Exception {
        String rules = new String(RulesEngine.class.getResourceAsStream(RulesEngine.DEFAULT_RULES).readAllBytes(),
                StandardCharsets.UTF_8);
        rules.lines().filter(line -> !line.startsWith("#")).forEach(line -> assertTrue(
                line.getBytes(StandardCharsets.UTF_8).length < 2048, line));
    }
}
