package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"short1!A", "admin", "12345678901"})
    void refusesAnythingShorterThanTwelveCharacters(String password) {
        assertTrue(PasswordRules.problem(password, "admin").orElseThrow().contains("shorter than 12"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "abababababab", "!!!!????!!!!"})
    void refusesRepetitions(String password) {
        assertTrue(PasswordRules.problem(password, "admin").orElseThrow().contains("too few different"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijklm", "123456789012", "zyxwvutsrqpon", "0987654321098"})
    void refusesRunsOfNeighbouringKeys(String password) {
        assertTrue(PasswordRules.problem(password, "admin").orElseThrow().contains("run of"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password2024!", "P@ssw0rd1234", "admin1234567", "!!Welcome2024", "Changeme-2024",
        "zhangwei-2024", "S3cr3t!!2024", "qwertyuiop12"})
    void refusesACommonPasswordOrTheUserNameDressedUpWithDigits(String password) {
        assertTrue(PasswordRules.problem(password, "zhangwei").orElseThrow().contains("well-known"), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"314159265358979"})
    void refusesOnlyDigits(String password) {
        assertEquals(Optional.of("it is only digits"), PasswordRules.problem(password, "admin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"it-admin-Passw0rd!", "correct horse battery", "Kf7#mQ2x!Lp9", "客服控制台的管理员密码很长",
        "sandbox-it-Passw0rd!", "#$%^&*()+=~[]"})
    void acceptsAnythingElseOfTwelveOrMore(String password) {
        assertEquals(Optional.empty(), PasswordRules.problem(password, "admin"), password);
    }
}
