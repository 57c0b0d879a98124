package com.kfgateway.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulator refuses what WeCom refuses in a send body, with WeCom's errcode, and delivers the rest as given. */
class MessageBodiesTest {

    private static final Set<String> ALL = Set.of("text", "image", "voice", "video", "file", "link", "miniprogram",
            "msgmenu", "location");

    @Test
    void textIsDeliveredAsItsContentUpTo2048Bytes() {
        assertEquals("你好", MessageBodies.validate(json("{'text':{'content':'你好'}}"), "text", ALL));
        assertEquals(ApiError.EMPTY_CONTENT, refusal("{'text':{}}", "text"));
        assertEquals(ApiError.CONTENT_TOO_LONG, refusal("{'text':{'content':'" + "好".repeat(683) + "'}}", "text"));
    }

    @Test
    void aTypeNotAllowedHereIsAnInvalidMsgtype() {
        assertEquals(ApiError.INVALID_MSGTYPE, code(() -> MessageBodies.validate(json("{}"), null, ALL)));
        assertEquals(ApiError.INVALID_MSGTYPE, code(() -> MessageBodies.validate(json("{'image':{}}"), "image",
                Set.of("text"))));
    }

    @Test
    void mediaNeedsAMediaIdAndIsDeliveredAsItsObject() {
        assertEquals("{\"media_id\":\"MEDIA\"}", MessageBodies.validate(json("{'file':{'media_id':'MEDIA'}}"),
                "file", ALL));
        assertEquals(ApiError.INVALID_MEDIA_ID, refusal("{'image':{'media_id':''}}", "image"));
        assertEquals(ApiError.INVALID_MEDIA_ID, refusal("{'voice':[]}", "voice"));
    }

    @Test
    void linksAndMiniProgramsNeedTheirFields() {
        assertEquals(ApiError.INVALID_PARAMETER, refusal("{'link':{'title':'t'}}", "link"));
        MessageBodies.validate(json("{'link':{'title':'t','url':'https://example.com'}}"), "link", ALL);
        assertEquals(ApiError.INVALID_MEDIA_ID, refusal("{'miniprogram':{'appid':'wx1'}}", "miniprogram"));
        MessageBodies.validate(json("{'miniprogram':{'appid':'wx1','thumb_media_id':'M'}}"), "miniprogram", ALL);
    }

    @Test
    void aMenuHasAtMostTenItemsOfTheKnownTypes() {
        StringBuilder eleven = new StringBuilder("{'msgmenu':{'list':[");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("{'type':'text','text':{'content':'x'}}");
        }
        assertEquals(ApiError.TOO_MANY_MENU_ITEMS, refusal(eleven + "]}}", "msgmenu"));
        assertEquals(ApiError.BAD_MENU_ITEM_TYPE, refusal("{'msgmenu':{'list':[{'type':'dance'}]}}", "msgmenu"));
        assertEquals(ApiError.BAD_MENU_ITEM_TYPE, refusal("{'msgmenu':{'list':['click']}}", "msgmenu"));
        MessageBodies.validate(json("{'msgmenu':{'list':[{'type':'click'},{'type':'view'}]}}"), "msgmenu", ALL);
    }

    @Test
    void aLocationNeedsCoordinatesOnTheEarth() {
        MessageBodies.validate(json("{'location':{'latitude':31.2,'longitude':121.5}}"), "location", ALL);
        assertEquals(ApiError.INVALID_PARAMETER, refusal("{'location':{'latitude':91,'longitude':0}}", "location"));
        assertEquals(ApiError.INVALID_PARAMETER, refusal("{'location':{'latitude':0,'longitude':-181}}",
                "location"));
        assertEquals(ApiError.INVALID_PARAMETER, refusal("{'location':{'latitude':'north'}}", "location"));
    }

    private static int refusal(String body, String msgtype) {
        return code(() -> MessageBodies.validate(json(body), msgtype, ALL));
    }

    private static int code(Runnable call) {
        return assertThrows(ApiError.class, call::run).errcode();
    }

    private static JsonObject json(String singleQuoted) {
        return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
    }
}
