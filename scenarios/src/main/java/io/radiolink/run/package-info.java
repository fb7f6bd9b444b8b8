/**
 * Running a resolved scenario: its units of work, each a (sweep point, replication) pair run as a pure
 * function, and their merge in (point, replication) order into a run report.
 */
package io.radiolink.run;
