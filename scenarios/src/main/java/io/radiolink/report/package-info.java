/** The outputs of a run: report.json, summary.csv and flows.csv, one reporter per format, and the metric list they state. */
package io.radiolink.report;
