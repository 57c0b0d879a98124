/**
 * MicroProfile Health for operators: liveness (the database answers) and readiness (the schema is migrated and the
 * callback's Token and EncodingAESKey are usable). Not here: anything WeCom says. A secret WeCom refuses is the
 * setup doctor's to explain; taking the node out of the load balancer for it would cut off the callback too.
 */
package com.kfgateway.health;
