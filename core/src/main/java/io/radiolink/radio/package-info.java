/**
 * The air interface: cells with channels and a dedicated or shared capacity, connections, links per
 * direction and loss models.
 */
package io.radiolink.radio;
