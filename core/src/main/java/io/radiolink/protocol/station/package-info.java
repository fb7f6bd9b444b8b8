/**
 * The base stations' end of the protocol: each station accepts connections and owns the session on
 * each, with one handler per request kind; it reaches a terminal only through messages on a connection.
 */
package io.radiolink.protocol.station;
