/**
 * The bare endpoint AckBenchmark packs into a WAR of its own at run time (BareEndpointWar) and deploys beside the
 * product: the same server, the same kind of request, none of the product's work. Not part of the product or its
 * tests.
 */
package com.kfgateway.bench.bare;
