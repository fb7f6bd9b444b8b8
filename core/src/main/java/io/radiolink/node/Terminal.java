package io.radiolink.node;

import java.util.Objects;
import java.util.Optional;

/**
 * A mobile terminal: its phone number, the user data it holds, and the maintenance-password entry
 * step without which it sends no backup or download request (claims 4, 9, 13, 17).
 *
 * <p>A terminal runs one flow at a time; {@code BackupService} enforces that.
 */
public final class Terminal {

    private final PhoneNumber phoneNumber;
    private UserData userData;
    private String maintenancePassword;

    /** A terminal with {@code phoneNumber} holding {@code userData} (null for a new, empty phone). */
    public Terminal(PhoneNumber phoneNumber, UserData userData) {
        this.phoneNumber = Objects.requireNonNull(phoneNumber, "phoneNumber");
        this.userData = userData;
    }

    /** A new terminal with no user data, such as a replacement phone. */
    public static Terminal empty(PhoneNumber phoneNumber) {
        return new Terminal(phoneNumber, null);
    }

    /** The user enters the maintenance password on the keypad; it is kept until cleared. */
    public void enterMaintenancePassword(String password) {
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("maintenance password must not be empty");
        }
        this.maintenancePassword = password;
    }

    /** Forgets the entered maintenance password. */
    public void clearMaintenancePassword() {
        this.maintenancePassword = null;
    }

    /** The maintenance password entered on this terminal, if any. */
    public Optional<String> maintenancePassword() {
        return Optional.ofNullable(maintenancePassword);
    }

    /** This terminal's phone number. */
    public PhoneNumber phoneNumber() {
        return phoneNumber;
    }

    /** The user data this terminal holds, if any. */
    public Optional<UserData> userData() {
        return Optional.ofNullable(userData);
    }

    /** Stores user data on the terminal, replacing what it held (claim 6: the downloaded data). */
    public void store(UserData data) {
        this.userData = Objects.requireNonNull(data, "data");
    }

    @Override
    public String toString() {
        return "Terminal[" + phoneNumber + "]";
    }
}
