/** The network's nodes: terminals with their user data and base stations with their backup store. */
package io.radiolink.node;
