/** Independent, reproducible random streams per replication and purpose. */
package io.radiolink.random;
