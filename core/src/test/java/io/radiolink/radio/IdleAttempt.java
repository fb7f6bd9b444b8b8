package io.radiolink.radio;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A connection attempt for tests that ignores every outcome but establishment, which it hands to
 * {@code onEstablished} (that must attach both sides).
 *
 * @param <T> the type of unit the connection carries
 */
public final class IdleAttempt<T> implements AccessCallback<T> {

    private final Consumer<Connection<T>> onEstablished;

    public IdleAttempt(Consumer<Connection<T>> onEstablished) {
        this.onEstablished = Objects.requireNonNull(onEstablished, "onEstablished");
    }

    @Override
    public void blocked() {}

    @Override
    public void setupFailed() {}

    @Override
    public void stationDown() {}

    @Override
    public void accessFailed() {}

    @Override
    public void established(Connection<T> connection) {
        onEstablished.accept(connection);
    }
}
