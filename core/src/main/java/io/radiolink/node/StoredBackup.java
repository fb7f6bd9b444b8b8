package io.radiolink.node;

import java.util.Objects;

/**
 * A committed backup in a base station's store, addressed by its phone number.
 *
 * @param phoneNumber the address (claim 5)
 * @param data the user data
 * @param verifier the verifier of the maintenance password given with the backup
 * @param version increases with every commit in the store, so a copy handed over can be told
 *     apart from a newer one
 * @param committedAtSeconds simulation time of the commit
 */
public record StoredBackup(
        PhoneNumber phoneNumber, UserData data, PasswordVerifier verifier, long version,
        double committedAtSeconds) {

    /** Checks for nulls. */
    public StoredBackup {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(verifier, "verifier");
    }
}
