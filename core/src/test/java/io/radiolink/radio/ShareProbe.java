package io.radiolink.radio;

import io.radiolink.radio.share.CellDirection;

/** A test's view of a shared cell's directions that the public API does not give: their open queues. */
public final class ShareProbe {

    private ShareProbe() {}

    /** The queues of {@code sender}'s direction of {@code cell} opened and not closed; 0 in a dedicated cell. */
    public static int openQueues(RadioCell cell, Side sender) {
        return cell.share(sender).map(CellDirection::openQueues).orElse(0);
    }

    /** The queues of {@code sender}'s direction of {@code cell} holding a unit now; 0 in a dedicated cell. */
    public static int busyQueues(RadioCell cell, Side sender) {
        return cell.share(sender).map(CellDirection::busyQueues).orElse(0);
    }

    /**
     * What is wrong with {@code cell}'s queues, or null: a queue holds a unit only while open, and is open
     * only while a connection holds a channel, so none is open after the run ({@code finished}).
     */
    public static String queueProblem(RadioCell cell, boolean finished) {
        for (Side side : Side.values()) {
            int open = openQueues(cell, side);
            int busy = busyQueues(cell, side);
            if (busy > open || open > (finished ? 0 : cell.busyChannels())) {
                return side + ": " + open + " queues open, " + busy + " busy, " + cell.busyChannels()
                        + " channels held" + (finished ? " after the run" : "");
            }
        }
        return null;
    }
}
