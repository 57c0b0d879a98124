package com.kfgateway.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kfgateway.delivery.entity.SendStatus;
import org.junit.jupiter.api.Test;

class SendLogQueryTest {

    @Test
    void filtersByStatusAndErrcodeNewestFirstFromBeforeTheLastIdSeen() {
        JpqlQuery query = SendLogQuery.of(new SendLogFilter(SendStatus.FAILED, 95018, null, 500L, 50));
        assertEquals("select s from SendLogEntry s where s.status = :status and s.error.errcode = :errcode "
                + "and s.id < :beforeId order by s.id desc", query.jpql());
        assertEquals(SendStatus.FAILED, query.parameters().get("status"));
        assertEquals(95018, query.parameters().get("errcode"));
        assertEquals(500L, query.parameters().get("beforeId"));
    }

    @Test
    void withoutFiltersListsEverythingNewestFirst() {
        assertEquals("select s from SendLogEntry s order by s.id desc",
                SendLogQuery.of(new SendLogFilter(null, null, null, null, 50)).jpql());
    }
}
