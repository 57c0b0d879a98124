/**
 * What makes a conversation readable but is not needed to answer it, fetched in the background after a page was
 * stored: customer nicknames (kf/customer/batchget, cached a day) and images of up to 1 MB (media/get).
 * <p>
 * Not here: anything on the path to an answer; a failure here only leaves a name or a picture missing.
 */
package com.kfgateway.conversation.control.enrich;
