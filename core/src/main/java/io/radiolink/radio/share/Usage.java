package io.radiolink.radio.share;

/**
 * The running counts behind {@link ShareStatistics}, for a direction (the number of busy queues moves
 * between 0 and n) and for one queue (0 or 1) alike: the integrals advance only when that number changes
 * or a snapshot is taken, so that keeping them costs O(1) per change.
 */
final class Usage {

    private final double fromSeconds;
    private double lastSeconds;
    private int busyQueues;
    private double busySeconds;
    private double queueSeconds;
    private double servedBits;
    private long departedUnits;

    Usage(double fromSeconds) {
        this.fromSeconds = fromSeconds;
        this.lastSeconds = fromSeconds;
    }

    /** The number of busy queues changes by {@code delta} at {@code nowSeconds}. */
    void busyChanged(double nowSeconds, int delta) {
        double elapsed = nowSeconds - lastSeconds;
        if (busyQueues > 0) {
            busySeconds += elapsed;
            queueSeconds += busyQueues * elapsed;
        }
        lastSeconds = nowSeconds;
        busyQueues += delta;
    }

    /** A unit of {@code bits} departed. */
    void departed(double bits) {
        servedBits += bits;
        departedUnits++;
    }

    int busyQueues() {
        return busyQueues;
    }

    /** The counts from the start to {@code nowSeconds}, the busy queues taken as unchanged since the last change. */
    ShareStatistics snapshot(double nowSeconds) {
        double elapsed = nowSeconds - lastSeconds;
        double busy = busyQueues > 0 ? busySeconds + elapsed : busySeconds;
        double queues = busyQueues > 0 ? queueSeconds + busyQueues * elapsed : queueSeconds;
        return new ShareStatistics(fromSeconds, nowSeconds, busy, queues, servedBits, departedUnits);
    }
}
