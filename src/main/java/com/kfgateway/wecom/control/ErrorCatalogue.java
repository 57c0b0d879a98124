package com.kfgateway.wecom.control;

import com.kfgateway.wecom.entity.ErrorHandling;
import com.kfgateway.wecom.entity.SendFailReason;
import com.kfgateway.wecom.entity.WeComError;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * WeCom's errcodes and {@code msg_send_fail} fail types in plain words, with the fix and what the gateway should do.
 * The texts live in {@code wecom/errcodes.tsv} and {@code wecom/send-fail-types.tsv} so they can be reviewed and
 * extended without touching code. Never answers {@code null}: an unknown code gets a generic entry.
 */
@ApplicationScoped
public class ErrorCatalogue {

    static final String ERRCODES = "/wecom/errcodes.tsv";
    static final String SEND_FAIL_TYPES = "/wecom/send-fail-types.tsv";
    static final String ERRCODE_PAGE = "https://developer.work.weixin.qq.com/document/path/90313";

    private final Map<Integer, WeComError> errors;
    private final Map<Integer, SendFailReason> sendFailReasons;

    public ErrorCatalogue() {
        errors = load(ERRCODES, 8, ErrorCatalogue::error);
        sendFailReasons = load(SEND_FAIL_TYPES, 5, ErrorCatalogue::sendFailReason);
    }

    public WeComError lookup(int code) {
        WeComError known = errors.get(code);
        return known != null ? known : unknown(code);
    }

    public boolean knows(int code) {
        return errors.containsKey(code);
    }

    /** Every known code, in ascending order. */
    public List<WeComError> all() {
        return List.copyOf(errors.values());
    }

    public SendFailReason sendFailReason(int failType) {
        SendFailReason known = sendFailReasons.get(failType);
        return known != null ? known
                : new SendFailReason(failType, "未知的 fail_type " + failType + "（文档未列出）",
                        "unknown fail_type " + failType + " (not in WeCom's documentation)",
                        "查看发送记录；必要时由人工联系客户。", "Check the send log; if it matters, have a person contact the customer.");
    }

    /** One line explaining a {@code msg_send_fail} event's fail_type, in Chinese for a zh locale, else English. */
    public String failTypeMeaning(int failType, Locale locale) {
        return sendFailReason(failType).describe(locale);
    }

    /** Unknown codes are not retried: repeating a send we do not understand risks a duplicate to the customer. */
    static WeComError unknown(int code) {
        return new WeComError(code, "未知的 errcode " + code + "，请查阅企业微信全局错误码页面",
                "unknown errcode " + code + "; see WeCom's global errcode page",
                "本网关的错误码目录中没有这个错误码。", "This code is not in the gateway's catalogue.",
                "在 " + ERRCODE_PAGE + " 查找该错误码。", "Look the code up on " + ERRCODE_PAGE + ".",
                ErrorHandling.PERMANENT);
    }

    private static WeComError error(String[] c) {
        return new WeComError(Integer.parseInt(c[0]), c[2], c[3], c[4], c[5], c[6], c[7], ErrorHandling.valueOf(c[1]));
    }

    private static SendFailReason sendFailReason(String[] c) {
        return new SendFailReason(Integer.parseInt(c[0]), c[1], c[2], c[3], c[4]);
    }

    /** The files ship inside the WAR, so a malformed line is a build defect: fail loudly, naming the line. */
    private static <T> Map<Integer, T> load(String resource, int columns, Function<String[], T> row) {
        Map<Integer, T> byCode = new TreeMap<>();
        List<String> lines = lines(resource);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            try {
                if (cells.length != columns) {
                    throw new IllegalArgumentException("expected " + columns + " tab-separated columns, found "
                            + cells.length);
                }
                for (String cell : cells) {
                    if (cell.isBlank()) {
                        throw new IllegalArgumentException("a column is empty");
                    }
                }
                if (byCode.put(Integer.parseInt(cells[0].trim()), row.apply(cells)) != null) {
                    throw new IllegalArgumentException("code " + cells[0] + " appears twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(resource + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableMap(byCode);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = ErrorCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
