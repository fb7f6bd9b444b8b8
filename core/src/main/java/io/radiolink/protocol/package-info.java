/**
 * The claimed protocol: terminal and base-station state machines for backup and download, their
 * messages, ARQ, and the records of finished flows.
 */
package io.radiolink.protocol;
