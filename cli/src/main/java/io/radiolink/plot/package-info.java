/** The plots of a run as PNG files (XChart, drawn off screen): completion-time CDFs, outcomes, sweeps. */
package io.radiolink.plot;
