package com.kfgateway.wecom.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.wecom.entity.ErrorHandling;
import com.kfgateway.wecom.entity.WeComError;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorCatalogueTest {

    final ErrorCatalogue catalogue = new ErrorCatalogue();

    /** Every code of wecom-kf-api.md §5 and §1.1/§1.3, plus the secondary ones. */
    @ParameterizedTest
    @ValueSource(ints = {0, -1, 40001, 40013, 40014, 40091, 40096, 41001, 41002, 41004, 42001, 44004, 45002, 45009,
        45033, 48002, 60011, 60020, 81013, 301002, 95000, 95001, 95002, 95003, 95004, 95005, 95006, 95007, 95008,
        95009, 95011, 95012, 95013, 95014, 95015, 95016, 95017, 95018, 95019, 95022, 95023, 95024, 95025, 95026,
        95027, 95028, 95029, 95030, 95031, 95032})
    void explainsEveryDocumentedCodeInBothLanguages(int code) {
        assertTrue(catalogue.knows(code), "missing " + code);
        WeComError error = catalogue.lookup(code);
        assertEquals(code, error.code());
        assertAll(() -> assertFalse(error.meaningZh().isBlank()), () -> assertFalse(error.meaningEn().isBlank()),
                () -> assertFalse(error.causeZh().isBlank()), () -> assertFalse(error.causeEn().isBlank()),
                () -> assertFalse(error.fixZh().isBlank()), () -> assertFalse(error.fixEn().isBlank()));
        assertTrue(
                error.meaningZh().codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "zh meaning of " + code + " has no Chinese");
    }

    @ParameterizedTest
    @ValueSource(ints = {95024, 95025, 95028, 95029})
    void marksCodesKnownOnlyFromOneSdkAsSecondary(int code) {
        WeComError error = catalogue.lookup(code);
        assertTrue(error.meaningEn().contains("secondary"), error.meaningEn());
        assertTrue(error.meaningZh().contains("次要来源"), error.meaningZh());
    }

    @Test
    void unknownCodeGetsGenericEntryPointingToTheGlobalPage() {
        WeComError error = catalogue.lookup(12345);
        assertFalse(catalogue.knows(12345));
        assertEquals(12345, error.code());
        assertEquals("unknown errcode 12345; see WeCom's global errcode page", error.meaningEn());
        assertTrue(error.fixEn().contains("path/90313"));
        assertFalse(error.retryable(), "a code we do not understand must not cause a repeated send");
    }

    @ParameterizedTest
    @CsvSource({"0,OK", "-1,RETRY", "45009,RETRY", "45033,RETRY", "40001,REFRESH_TOKEN", "40014,REFRESH_TOKEN",
        "42001,REFRESH_TOKEN", "95018,PERMANENT", "95001,PERMANENT", "95002,PERMANENT", "95013,PERMANENT",
        "40096,PERMANENT", "44004,PERMANENT", "45002,PERMANENT", "48002,CONFIGURATION", "40013,CONFIGURATION",
        "40091,CONFIGURATION", "60020,CONFIGURATION", "60011,CONFIGURATION", "95011,CONFIGURATION",
        "95012,CONFIGURATION", "95017,CONFIGURATION", "95023,CONFIGURATION", "301002,CONFIGURATION",
        "81013,CONFIGURATION", "95000,CONFIGURATION", "95004,CONFIGURATION"})
    void handlesKeyCodesAsDocumented(int code, ErrorHandling handling) {
        assertEquals(handling, catalogue.lookup(code).handling());
    }

    @Test
    void onlyTransientAndTokenErrorsAreRetryable() {
        assertTrue(catalogue.lookup(-1).retryable());
        assertTrue(catalogue.lookup(42001).retryable());
        assertFalse(catalogue.lookup(95018).retryable());
        assertFalse(catalogue.lookup(48002).retryable());
        assertFalse(catalogue.lookup(0).retryable());
    }

    @Test
    void explains95018AsSessionStateOrCredentialWithoutKfRights() {
        WeComError error = catalogue.lookup(95018);
        String zh = error.causeZh() + error.fixZh();
        String en = error.causeEn() + error.fixEn();
        assertAll(() -> assertTrue(zh.contains("状态") && zh.contains("0") && zh.contains("1")),
                () -> assertTrue(zh.contains("48 小时")),
                () -> assertTrue(zh.contains("可调用接口的应用") && zh.contains("secret")),
                () -> assertTrue(en.contains("state") && en.contains("48 hours")),
                () -> assertTrue(en.contains("online servicers")),
                () -> assertTrue(en.contains("可调用接口的应用") && en.contains("tokens come back fine")));
    }

    @Test
    void warnsThatRepeatedBadSecretsGetTheIpBanned() {
        WeComError error = catalogue.lookup(40001);
        assertTrue(error.fixEn().contains("banned") && error.fixEn().contains("hour"), error.fixEn());
        assertTrue(error.fixZh().contains("禁用一小时"), error.fixZh());
    }

    @Test
    void describesOneLineInTheRequestedLanguage() {
        WeComError error = catalogue.lookup(95018);
        assertEquals("95018 — " + error.meaningEn() + " — " + error.fixEn(), error.describe(Locale.ENGLISH));
        assertEquals("95018 — " + error.meaningZh() + " — " + error.fixZh(), error.describe(Locale.SIMPLIFIED_CHINESE));
        assertEquals(error.describe(Locale.ENGLISH), error.describe(Locale.GERMAN));
        assertFalse(error.describe(Locale.ENGLISH).contains("\n"));
    }

    @Test
    void explainsEveryDocumentedFailType() {
        IntStream.rangeClosed(0, 13).filter(type -> type != 3).forEach(type -> {
            String zh = catalogue.failTypeMeaning(type, Locale.CHINA);
            String en = catalogue.failTypeMeaning(type, Locale.ENGLISH);
            assertTrue(zh.startsWith("fail_type " + type + " — "), zh);
            assertFalse(en.contains("unknown fail_type"), en);
            assertNotEquals(zh, en);
        });
        assertTrue(catalogue.failTypeMeaning(6, Locale.ENGLISH).contains("5-message limit"));
        assertTrue(catalogue.failTypeMeaning(10, Locale.CHINA).contains("用户拒收"));
    }

    @Test
    void undocumentedFailTypeGetsGenericExplanation() {
        assertTrue(catalogue.failTypeMeaning(3, Locale.ENGLISH).contains("unknown fail_type 3"));
        assertTrue(catalogue.failTypeMeaning(99, Locale.CHINA).contains("未知的 fail_type 99"));
    }
}
