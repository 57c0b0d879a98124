package com.kfgateway.conversation.control.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.kfgateway.conversation.control.PipelineFixture;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.wecom.entity.SessionState;
import com.kfgateway.wecom.entity.WeComReply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What service_state/get says is recorded, confirmed, with why we asked; a failed read records nothing. */
class SessionStatesTest {

    private final PipelineFixture fixture = new PipelineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aReadStateIsRecordedAsConfirmedAndAFailedReadRecordsNothing() {
        fixture.stored(ServiceState.BOT, null, null);
        fixture.wecom.stateReplies.add(WeComReply.errcode(95000, "invalid open_kfid"));
        int changes = fixture.stateChanges().size();

        assertFalse(fixture.sessions.read(fixture.conversation(), "checking").ok());
        assertNull(fixture.conversation().getStateConfirmedAt());
        assertEquals(changes, fixture.stateChanges().size());

        fixture.wecom.stateReplies.add(WeComReply.ok(new SessionState(2, null)));
        WeComReply<SessionState> read = fixture.sessions.read(fixture.conversation(), "checking");

        assertEquals(2, read.value().code());
        assertEquals(ServiceState.QUEUED, fixture.conversation().getServiceState());
        assertNotNull(fixture.conversation().getStateConfirmedAt());
        assertEquals(Source.SERVICE_STATE_GET, last().getSource());
        assertEquals("checking", last().getNote());
    }

    private ServiceStateChange last() {
        List<ServiceStateChange> changes = fixture.stateChanges();
        return changes.get(changes.size() - 1);
    }
}
