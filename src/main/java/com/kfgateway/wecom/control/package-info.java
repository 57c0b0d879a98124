/**
 * The WeCom protocol, both ways: callback crypto ({@link com.kfgateway.wecom.control.CallbackCrypto}) and parsing
 * ({@link com.kfgateway.wecom.control.CallbackXml}); the typed API ({@link com.kfgateway.wecom.control.WeComClient},
 * which never throws for WeCom's sake) over the calls with their token and documented retries ({@link
 * com.kfgateway.wecom.control.WeComCalls}) and the raw transport ({@link com.kfgateway.wecom.control.WeComHttp});
 * access tokens, the credentials and their fingerprints, and the errcode catalogue. Foreign XML and JSON become our
 * types here and nowhere else, within bounds: the unsigned callback envelope is read by a bounded stream reader
 * ({@code CallbackEnvelope}), replays are refused ({@link com.kfgateway.wecom.control.ReplayGuard}), and every answer
 * from WeCom is limited in size and time ({@link com.kfgateway.http.BoundedBody}, {@link com.kfgateway.wecom.control.WeComHttp}).
 * <p>
 * Not here: conversations, who answers, delivery policy (quotas, retries, resends). Those decide <em>what</em> to
 * say; this package only knows <em>how</em> WeCom wants it said.
 */
package com.kfgateway.wecom.control;
