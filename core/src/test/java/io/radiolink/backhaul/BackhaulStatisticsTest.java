package io.radiolink.backhaul;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radiolink.backhaul.BackhaulStatistics.Delays;
import org.junit.jupiter.api.Test;

final class BackhaulStatisticsTest {

    @Test
    void plus_twoStations_everyCountAndTimeAddedLargerLargest() {
        BackhaulStatistics a = new BackhaulStatistics(100, 10, 1, 8, 800, 12, 3, 2, 1, 20, 5,
                new Delays(9, 1.5, 0.75), new Delays(8, 4.0, 1.0));
        BackhaulStatistics b = new BackhaulStatistics(50, 4, 0, 4, 400, 5, 1, 1, 0, 30, 0,
                new Delays(4, 0.5, 1.25), new Delays(4, 2.0, 0.5));
        BackhaulStatistics sum = a.plus(b);
        assertEquals(new BackhaulStatistics(150, 14, 1, 12, 1_200, 17, 4, 3, 1, 50, 5,
                new Delays(13, 2.0, 1.25), new Delays(12, 6.0, 1.0)), sum);
        assertEquals(50.0 / 150, sum.utilisation(), "the stations' mean weighted by their observed times");
        assertEquals(a, BackhaulStatistics.ZERO.plus(a));
    }
}
