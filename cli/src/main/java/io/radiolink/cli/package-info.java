/**
 * The radiolink command: run and validate subcommands, exit codes, progress, output folders, and the
 * list of report formats a run writes.
 */
package io.radiolink.cli;
