package io.radiolink.radio.share;

import io.radiolink.engine.Scheduler;
import io.radiolink.radio.Departure;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ProcessorSharing} by virtual time: O(log n) per arrival and departure for queues of one cap,
 * with one pending engine event for the whole direction.
 *
 * <p><b>Cap classes.</b> Queues of equal cap are served at equal rates, so each distinct cap has a
 * class with one <em>clock</em>: the service, in bits, that each busy queue of the class has received
 * since the class last was idle. A busy queue's head unit has a <em>finish tag</em> on that clock: the
 * clock when the queue became busy plus the unit's bits, and each next unit's tag is the previous tag
 * plus its bits (sums of the sizes, never of elapsed times). A class keeps its busy queues in a binary
 * heap ordered by tag, then by open order. Between events the rates are constant; the classes' rates are
 * the max-min fair (water-filling) shares of the capacity, recomputed over the classes in increasing cap
 * whenever a queue becomes busy or idle. The cost per event is O(G + log n) for G distinct caps among
 * the open queues; a cell whose terminals share one category has G = 1.
 *
 * <p><b>Exact departures without an epsilon.</b> The next departure is the head whose tag the clocks
 * reach first; its time is computed once, rounded up to the first time the clock can hold at which the
 * head's bits are served at its class's rate (never before), and when the event comes the clock of that head's class is
 * set to the head's tag (the other clocks advance by rate times elapsed time, never past their own
 * head's tag). So the departing unit has received all its bits by the clock's own count, no residue is
 * left to schedule again at the same instant, and every departure event ends at least one unit. Units
 * that depart at the same instant are told class by class in increasing cap, within a class by tag,
 * then by open order.
 *
 * <p><b>One pending event.</b> The event is posted without a handle (no allocation). When the next
 * departure moves later (a queue became busy), the pending event is kept: it comes early, finds its
 * time is not the departure's and posts the departure's. When it moves earlier, a new event is posted and
 * the old one will come early in turn. So no event is cancelled, and at most one event more than the
 * departures comes per change of the set of busy queues (bench/RESULTS.md, issue 13, compares this
 * with cancelling).
 */
final class ProcessorSharingDiscipline implements Discipline {

    /** One connection's queue under processor sharing. */
    static final class Queue<T> extends ConnectionQueue<T> {
        private final ProcessorSharingDiscipline discipline;
        private final CapClass capClass;
        /** The head unit's finish tag on its class's clock, while busy. */
        private double tag;
        /** The place in its class's heap, -1 while idle. */
        private int heapIndex = -1;

        Queue(ProcessorSharingDiscipline discipline, CapClass capClass, Departure<T> departures, long sequence) {
            super(discipline.direction, capClass.cap, departures, sequence);
            this.discipline = discipline;
            this.capClass = capClass;
        }

        @Override
        void becameBusy() {
            discipline.becameBusy(this);
        }

        @Override
        void added() {
            // Behind the head: its tag is set when it becomes the head.
        }

        @Override
        void detach(boolean busy) {
            discipline.detach(this, busy);
        }

        /** True if this queue's head finishes before {@code other}'s: by tag, then by open order. */
        boolean before(Queue<?> other) {
            return tag < other.tag || tag == other.tag && sequence() < other.sequence();
        }
    }

    /** The queues of one cap: their clock, rate and heap. */
    static final class CapClass {
        final double cap;
        int open;
        int busy;
        /** Bits each busy queue of the class has received since the class was last idle. */
        double clock;
        /** Bits per second each busy queue of the class receives now. */
        double rate;
        private Queue<?>[] heap = new Queue<?>[4];

        CapClass(double cap) {
            this.cap = cap;
        }

        Queue<?> head() {
            return heap[0];
        }

        void add(Queue<?> queue) {
            if (busy == heap.length) {
                Queue<?>[] grown = new Queue<?>[2 * heap.length];
                System.arraycopy(heap, 0, grown, 0, busy);
                heap = grown;
            }
            busy++;
            siftUp(busy - 1, queue);
        }

        void remove(Queue<?> queue) {
            int index = queue.heapIndex;
            queue.heapIndex = -1;
            busy--;
            Queue<?> last = heap[busy];
            heap[busy] = null;
            if (index == busy) {
                return;
            }
            if (index > 0 && last.before(heap[(index - 1) >>> 1])) {
                siftUp(index, last);
            } else {
                siftDown(index, last);
            }
        }

        /** The head's tag grew: restore the order. */
        void headTagGrew() {
            siftDown(0, heap[0]);
        }

        private void siftUp(int index, Queue<?> queue) {
            while (index > 0) {
                int parent = (index - 1) >>> 1;
                Queue<?> above = heap[parent];
                if (!queue.before(above)) {
                    break;
                }
                place(index, above);
                index = parent;
            }
            place(index, queue);
        }

        private void siftDown(int index, Queue<?> queue) {
            int half = busy >>> 1;
            while (index < half) {
                int child = 2 * index + 1;
                Queue<?> smaller = heap[child];
                int right = child + 1;
                if (right < busy && heap[right].before(smaller)) {
                    child = right;
                    smaller = heap[right];
                }
                if (!smaller.before(queue)) {
                    break;
                }
                place(index, smaller);
                index = child;
            }
            place(index, queue);
        }

        private void place(int index, Queue<?> queue) {
            heap[index] = queue;
            queue.heapIndex = index;
        }
    }

    private final CellDirection direction;
    private final Scheduler scheduler;
    private final double capacityBitsPerSecond;
    /** The classes of the open queues' caps, in increasing cap. */
    private final List<CapClass> classes = new ArrayList<>();
    private final Runnable wake = this::wake;
    private int busy;
    /** When the clocks were last advanced. */
    private double lastSeconds;
    /** The next departure's time, infinite while no queue is busy. */
    private double targetSeconds = Double.POSITIVE_INFINITY;
    /** The class whose head departs then. */
    private CapClass targetClass;
    /** The earliest event known to be pending, infinite if none is known. */
    private double postedSeconds = Double.POSITIVE_INFINITY;
    /** True while departures are being told: changes wait for the end of the event. */
    private boolean dispatching;

    ProcessorSharingDiscipline(CellDirection direction) {
        this.direction = direction;
        this.scheduler = direction.scheduler();
        this.capacityBitsPerSecond = direction.capacityBitsPerSecond();
        this.lastSeconds = scheduler.nowSeconds();
    }

    @Override
    public <T> ConnectionQueue<T> open(double capBitsPerSecond, Departure<T> callback, long sequence) {
        CapClass capClass = classOf(capBitsPerSecond);
        capClass.open++;
        return new Queue<>(this, capClass, callback, sequence);
    }

    private CapClass classOf(double cap) {
        int low = 0;
        int high = classes.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            double found = classes.get(middle).cap;
            if (found == cap) {
                return classes.get(middle);
            }
            if (found < cap) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        CapClass created = new CapClass(cap);
        classes.add(low, created);
        return created;
    }

    private void becameBusy(Queue<?> queue) {
        advance();
        CapClass capClass = queue.capClass;
        queue.tag = capClass.clock + queue.bitsAt(0);
        capClass.add(queue);
        busy++;
        changed();
    }

    private void detach(Queue<?> queue, boolean wasBusy) {
        CapClass capClass = queue.capClass;
        if (wasBusy) {
            advance();
            capClass.remove(queue);
            idled(capClass);
            changed();
        }
        if (--capClass.open == 0) {
            classes.remove(capClass);
        }
    }

    /** One queue of {@code capClass} left the busy ones. */
    private void idled(CapClass capClass) {
        busy--;
        if (capClass.busy == 0) {
            capClass.clock = 0; // a new epoch: the tags stay small, and so their rounding
        }
    }

    /** The set of busy queues changed: new rates and a new next departure, unless an event is telling departures. */
    private void changed() {
        if (!dispatching) {
            share();
            arm();
        }
    }

    /** Brings every busy class's clock to now at its current rate, never past its head's tag. */
    private void advance() {
        double now = scheduler.nowSeconds();
        double elapsed = now - lastSeconds;
        if (elapsed > 0) {
            for (int i = 0; i < classes.size(); i++) {
                CapClass capClass = classes.get(i);
                if (capClass.busy > 0) {
                    capClass.clock = Math.min(capClass.clock + capClass.rate * elapsed, capClass.head().tag);
                }
            }
        }
        lastSeconds = now;
    }

    /**
     * Max-min fair rates: over the classes in increasing cap, a class whose cap is at most an equal share
     * of what is left gets its cap; from the first that is not, every class gets that equal share.
     */
    private void share() {
        double left = capacityBitsPerSecond;
        int queuesLeft = busy;
        double level = Double.NaN;
        for (int i = 0; i < classes.size(); i++) {
            CapClass capClass = classes.get(i);
            if (capClass.busy == 0) {
                continue;
            }
            if (Double.isNaN(level)) {
                double equal = left / queuesLeft;
                if (capClass.cap <= equal) {
                    capClass.rate = capClass.cap;
                    left -= capClass.cap * capClass.busy;
                    queuesLeft -= capClass.busy;
                    continue;
                }
                level = equal;
            }
            capClass.rate = level;
        }
    }

    /** Finds the next departure and makes sure an event comes at or before it. */
    private void arm() {
        targetSeconds = Double.POSITIVE_INFINITY;
        targetClass = null;
        for (int i = 0; i < classes.size(); i++) {
            CapClass capClass = classes.get(i);
            if (capClass.busy > 0) {
                double at = notBefore(lastSeconds, capClass.head().tag - capClass.clock, capClass.rate);
                if (at < targetSeconds) {
                    targetSeconds = at;
                    targetClass = capClass;
                }
            }
        }
        if (targetClass != null) {
            post(targetSeconds);
        }
    }

    /**
     * The earliest time the clock can hold at which {@code bits} served at {@code rate} from {@code fromSeconds}
     * are all served: {@code fromSeconds + bits / rate} rounded up, not to the nearest. Far from time 0 a
     * time's rounding is a large share of a short unit's service (at 10^6 s a double's step is 1.2e-10 s,
     * 1e-5 of a 160-bit message's time at 14.7 Mbit/s); rounded down, the unit would leave before its bits
     * were served at its rate, and its connection's bits over busy time would exceed the rate. The product
     * is tested exactly (a fused multiply-add), so {@code (at - fromSeconds) * rate >= bits} holds exactly.
     */
    private static double notBefore(double fromSeconds, double bits, double rate) {
        double at = fromSeconds + bits / rate;
        while (Math.fma(at - fromSeconds, rate, -bits) < 0) {
            at = Math.nextUp(at);
        }
        return at;
    }

    private void post(double atSeconds) {
        if (postedSeconds <= atSeconds) {
            return; // an earlier event is pending; it will post this one when it comes
        }
        postedSeconds = atSeconds;
        scheduler.postAt(atSeconds, wake);
    }

    private void wake() {
        double now = scheduler.nowSeconds();
        if (now == postedSeconds) {
            postedSeconds = Double.POSITIVE_INFINITY;
        }
        if (now < targetSeconds) {
            if (targetClass != null) {
                post(targetSeconds); // came early: the departure moved later since it was posted
            }
            return;
        }
        advance();
        targetClass.clock = targetClass.head().tag;
        dispatching = true;
        try {
            departDue();
        } finally {
            dispatching = false;
        }
        share();
        arm();
    }

    /** Tells every head whose tag its class's clock has reached, class by class in increasing cap. */
    private void departDue() {
        boolean departed;
        do {
            departed = false;
            // A callback may open, offer and close: look again from the first class after each departure.
            for (int i = 0; i < classes.size(); i++) {
                CapClass capClass = classes.get(i);
                if (capClass.busy > 0 && capClass.head().tag <= capClass.clock) {
                    departHead(capClass);
                    departed = true;
                    break;
                }
            }
        } while (departed);
    }

    private void departHead(CapClass capClass) {
        Queue<?> queue = capClass.head();
        if (queue.size() > 1) {
            queue.tag += queue.bitsAt(1);
            capClass.headTagGrew();
        } else {
            capClass.remove(queue);
            idled(capClass);
        }
        queue.departHead();
    }
}
