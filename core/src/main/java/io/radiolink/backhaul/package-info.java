/**
 * The backhaul between a station and the network's subscriber store: a duplex link of two FIFO
 * directions with latency, rate, optional loss repaired by retransmission after a timeout, and outages
 * (docs/design.md, "The backhaul (issue 13)").
 */
package io.radiolink.backhaul;
