package io.radiolink.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A {@link Terminal}'s maintenance-password entry and the user data it holds. */
final class TerminalTest {

    private static final PhoneNumber PHONE = PhoneNumber.of("+491701234567");

    @Test
    void maintenancePassword_newTerminal_none() {
        assertEquals(Optional.empty(), new Terminal(PHONE, UserData.synthetic(100, 1, 1)).maintenancePassword());
    }

    @Test
    void enterMaintenancePassword_password_keptUntilReplaced() {
        Terminal terminal = Terminal.empty(PHONE);
        terminal.enterMaintenancePassword("4711");
        assertEquals(Optional.of("4711"), terminal.maintenancePassword());
        terminal.enterMaintenancePassword("0815");
        assertEquals(Optional.of("0815"), terminal.maintenancePassword());
    }

    @Test
    void enterMaintenancePassword_empty_rejectedKeepingThePreviousOne() {
        Terminal terminal = Terminal.empty(PHONE);
        terminal.enterMaintenancePassword("4711");
        assertThrows(IllegalArgumentException.class, () -> terminal.enterMaintenancePassword(""));
        assertEquals(Optional.of("4711"), terminal.maintenancePassword());
    }

    @Test
    void enterMaintenancePassword_null_rejected() {
        assertThrows(NullPointerException.class, () -> Terminal.empty(PHONE).enterMaintenancePassword(null));
    }

    @Test
    void clearMaintenancePassword_afterEntry_none() {
        Terminal terminal = Terminal.empty(PHONE);
        terminal.enterMaintenancePassword("4711");
        terminal.clearMaintenancePassword();
        assertEquals(Optional.empty(), terminal.maintenancePassword());
        terminal.clearMaintenancePassword(); // clearing nothing is fine
        assertEquals(Optional.empty(), terminal.maintenancePassword());
    }

    @Test
    void userData_emptyTerminal_noneUntilStored() {
        Terminal terminal = Terminal.empty(PHONE);
        assertEquals(PHONE, terminal.phoneNumber());
        assertEquals(Optional.empty(), terminal.userData());
        UserData downloaded = UserData.synthetic(100, 1, 1);
        terminal.store(downloaded);
        assertEquals(Optional.of(downloaded), terminal.userData());
    }

    @Test
    void store_replacesHeldDataButRejectsNull() {
        Terminal terminal = new Terminal(PHONE, UserData.synthetic(100, 1, 1));
        UserData replacement = UserData.synthetic(200, 2, 2);
        terminal.store(replacement);
        assertEquals(Optional.of(replacement), terminal.userData());
        assertThrows(NullPointerException.class, () -> terminal.store(null));
        assertEquals(Optional.of(replacement), terminal.userData());
    }

    @Test
    void constructor_nullPhoneNumber_rejected() {
        assertThrows(NullPointerException.class, () -> Terminal.empty(null));
    }
}
