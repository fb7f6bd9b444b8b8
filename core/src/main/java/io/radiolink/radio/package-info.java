/** The air interface: cells with channels, connections, links per direction and loss models. */
package io.radiolink.radio;
