package io.radiolink.protocol;

/**
 * A station-side session's own identity: numbered by its {@link BackupService} in the order sessions
 * open, from 0, independent of the connection that carries it and of the station that serves it (so a
 * session could move to another connection or station and keep its identity).
 */
public record SessionId(long value) {

    @Override
    public String toString() {
        return "session#" + value;
    }
}
