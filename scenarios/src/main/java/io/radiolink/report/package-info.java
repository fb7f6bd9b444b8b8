/** The outputs of a run: report.json, summary.csv, flows.csv and plots, one reporter per format. */
package io.radiolink.report;
