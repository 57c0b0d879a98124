package com.kfgateway.wecom.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.wecom.entity.InboundItem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemReaderTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static InboundItem item(String msgtype, String body) {
        return ItemReader.read(json("{'msgid':'m1','open_kfid':'wk1','external_userid':'wm1','send_time':1748779200,"
                + "'origin':3,'msgtype':'" + msgtype + "','" + msgtype + "':" + body + "}"), NOW);
    }

    @Test
    void customerTextKeepsIdsOriginTimeAndContent() {
        InboundItem text = item("text", "{'content':'你好'}");
        assertEquals("m1", text.msgid());
        assertEquals("wk1", text.openKfid());
        assertEquals("wm1", text.externalUserid());
        assertTrue(text.fromCustomer());
        assertEquals(Instant.ofEpochSecond(1748779200), text.sentAt());
        assertEquals("你好", text.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "image|{'media_id':'MID'}|[图片 image]",
        "voice|{'media_id':'MID'}|[语音 voice]",
        "video|{'media_id':'MID'}|[视频 video]",
        "file|{'media_id':'MID'}|[文件 file]",
        "location|{'latitude':23.1,'longitude':113.3,'name':'广州塔','address':'阅江西路'}|[位置 location] 广州塔 阅江西路 (23.1, 113.3)",
        "link|{'title':'Docs','desc':'d','url':'https://x.test','pic_url':'p'}|[链接 link] Docs https://x.test",
        "business_card|{'userid':'zhangsan'}|[名片 business card] zhangsan",
        "miniprogram|{'appid':'wx1','title':'Shop','pagepath':'pages/a','thumb_media_id':'T'}|[小程序 mini program] Shop pages/a",
        "msgmenu|{'head_content':'选择','list':[{'type':'click','click':{'id':'1','content':'是'}}],'tail_content':'谢谢'}|[菜单 menu] 选择 是 谢谢",
        "channels_shop_product|{'product_id':'p','title':'茶','sales_price':'9.9'}|[视频号商品 channels product] 茶 9.9",
        "channels_shop_order|{'order_id':'o1','product_titles':'茶','price_wording':'¥9.9'}|[视频号订单 channels order] o1 茶 ¥9.9",
        "merged_msg|{'title':'聊天记录'}|[merged_msg] 聊天记录",
    })
    void everyMsgtypeGetsAReadableSummary(String msgtype, String body, String expected) {
        assertEquals(expected, item(msgtype, body).text());
    }

    @Test
    void mediaIdIsKeptForMediaTypes() {
        assertEquals("MID", item("image", "{'media_id':'MID'}").mediaId());
        assertNull(item("text", "{'content':'x'}").mediaId());
    }

    @Test
    void eventWithoutTopLevelIdsTakesThemFromTheEvent() {
        InboundItem event = ItemReader.read(json("{'msgid':'e1','send_time':1748779200,'origin':4,'msgtype':'event',"
                + "'event':{'event_type':'enter_session','open_kfid':'wk9','external_userid':'wm9','scene':'s1',"
                + "'welcome_code':'WC'}}"), NOW);
        assertEquals("wk9", event.openKfid());
        assertEquals("wm9", event.externalUserid());
        assertEquals("enter_session", event.eventType());
        assertEquals("WC", event.event().welcomeCode());
        assertEquals("s1", event.event().scene());
        assertTrue(event.isEvent());
        assertFalse(event.fromCustomer());
        assertFalse(event.fromServicer());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'scene':'spring_sale',|[进入会话 enter_session] scene=spring_sale (welcome code)",
        "'scene':'',|[进入会话 enter_session] (welcome code)",
        "|[进入会话 enter_session] (welcome code)",
    })
    void enterSessionNamesItsSceneOnlyWhenThereIsOne(String scene, String expected) {
        InboundItem event = ItemReader.read(json("{'msgid':'e3','send_time':1748779200,'origin':4,'msgtype':'event',"
                + "'event':{'event_type':'enter_session','open_kfid':'wk9','external_userid':'wm9',"
                + (scene == null ? "" : scene) + "'welcome_code':'WC'}}"), NOW);
        assertEquals(expected, event.text());
    }

    @Test
    void servicerStatusChangeNamesNoCustomer() {
        InboundItem event = ItemReader.read(json("{'msgid':'e2','origin':4,'msgtype':'event','event':"
                + "{'event_type':'servicer_status_change','servicer_userid':'li','status':2}}"), NOW);
        assertFalse(event.hasCustomer());
        assertEquals("[接待人员状态 servicer_status_change] li status=2", event.text());
        assertEquals(NOW, event.sentAt(), "an item without send_time counts as received now");
    }

    @Test
    void eventNumbersAreReadWhetherWeComSendsThemAsNumbersOrStrings() {
        InboundItem failed = ItemReader.read(json("{'msgid':'e4','origin':4,'msgtype':'event','event':"
                + "{'event_type':'msg_send_fail','open_kfid':'wk1','external_userid':'wm1','fail_msgid':'kfd1',"
                + "'fail_type':'4'}}"), NOW);
        InboundItem changed = ItemReader.read(json("{'msgid':'e5','origin':4,'msgtype':'event','event':"
                + "{'event_type':'session_status_change','open_kfid':'wk1','external_userid':'wm1','change_type':3,"
                + "'old_servicer_userid':'li','msg_code':'MC'}}"), NOW);
        assertEquals("kfd1", failed.event().failMsgid());
        assertEquals(4, failed.event().failType());
        assertEquals(3, changed.event().changeType());
        assertEquals("li", changed.event().oldServicerUserid());
        assertEquals("MC", changed.event().msgCode());
    }

    @Test
    void staffMessageFromTheWeComClientIsNotACustomerMessage() {
        InboundItem staff = ItemReader.read(json("{'msgid':'s1','open_kfid':'wk1','external_userid':'wm1',"
                + "'origin':5,'servicer_userid':'li','msgtype':'text','text':{'content':'我来处理'}}"), NOW);
        assertTrue(staff.fromServicer());
        assertFalse(staff.fromCustomer());
        assertEquals("li", staff.servicerUserid());
    }

    @Test
    void unknownTypeWithoutBodyOrMsgidStillGetsAStableId() {
        JsonObject raw = json("{'open_kfid':'wk1','external_userid':'wm1','origin':3,'msgtype':'meeting'}");
        InboundItem first = ItemReader.read(raw, NOW);
        assertEquals("[meeting]", first.text());
        assertTrue(first.msgid().startsWith("nomsgid-"));
        assertEquals(first.msgid(), ItemReader.read(raw, NOW.plusSeconds(9)).msgid());
        assertEquals(raw.toString(), first.rawJson());
    }
}
