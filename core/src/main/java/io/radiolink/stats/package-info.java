/** Statistics outside the model: a collector that listens to one replication, its immutable result, and their merge across replications. */
package io.radiolink.stats;
