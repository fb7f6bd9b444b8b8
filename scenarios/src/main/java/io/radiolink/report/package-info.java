/** The outputs of a run: report.json, summary.csv and flows.csv, one reporter per format. */
package io.radiolink.report;
