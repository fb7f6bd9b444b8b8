package io.radiolink.protocol;

import java.util.Objects;

/**
 * The protocol's settings, shared by terminals and base stations.
 *
 * @param arq the data transfer
 * @param control the control messages
 * @param auth authentication and lock-out
 * @param chunks chunked transfer with per-chunk digests and repair
 * @param resume reconnection and resume after a failed connection
 */
public record ProtocolConfig(ArqConfig arq, ControlConfig control, AuthConfig auth, ChunkConfig chunks,
        ResumeConfig resume) {

    /** Checks for nulls. */
    public ProtocolConfig {
        Objects.requireNonNull(arq, "arq");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(chunks, "chunks");
        Objects.requireNonNull(resume, "resume");
    }

    /** Settings with the claims' authentication, the whole object as one unit and no reconnection. */
    public ProtocolConfig(ArqConfig arq, ControlConfig control) {
        this(arq, control, AuthConfig.CLAIMED, ChunkConfig.WHOLE_OBJECT, ResumeConfig.OFF);
    }

    /** Settings with {@code auth}, the whole object as one unit and no reconnection. */
    public ProtocolConfig(ArqConfig arq, ControlConfig control, AuthConfig auth) {
        this(arq, control, auth, ChunkConfig.WHOLE_OBJECT, ResumeConfig.OFF);
    }

    /** The same settings with another authentication. */
    public ProtocolConfig withAuth(AuthConfig newAuth) {
        return new ProtocolConfig(arq, control, newAuth, chunks, resume);
    }

    /** The same settings with another ARQ configuration. */
    public ProtocolConfig withArq(ArqConfig newArq) {
        return new ProtocolConfig(newArq, control, auth, chunks, resume);
    }

    /** The same settings with another chunking. */
    public ProtocolConfig withChunks(ChunkConfig newChunks) {
        return new ProtocolConfig(arq, control, auth, newChunks, resume);
    }

    /** The same settings with another reconnection and resume behaviour. */
    public ProtocolConfig withResume(ResumeConfig newResume) {
        return new ProtocolConfig(arq, control, auth, chunks, newResume);
    }
}
