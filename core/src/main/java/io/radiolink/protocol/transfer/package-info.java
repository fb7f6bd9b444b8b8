/**
 * The transfer of user data that both ends use alike: framing into chunks and frames, the sending half
 * and the receiving half of the ARQ with repair rounds, and the counts of what was sent.
 */
package io.radiolink.protocol.transfer;
