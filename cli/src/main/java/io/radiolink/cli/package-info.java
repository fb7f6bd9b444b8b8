/** The radiolink command: run and validate subcommands, exit codes, progress, output folders. */
package io.radiolink.cli;
