/**
 * The terminals' end of the protocol: backup and download flows as their terminal runs them, from the
 * password check to the record; they reach a station only through messages on a connection.
 */
package io.radiolink.protocol.terminal;
