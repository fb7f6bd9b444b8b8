package io.radiolink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {

    /** Doubles drawn four ways: any bit pattern, uniform in [0, 1), scaled by a power of ten, small ratios. */
    private static double draw(SplittableRandom random, int way) {
        return switch (way) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextDouble();
            case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(-20, 21));
            default -> (double) random.nextInt(1_000_000) / random.nextInt(1, 1_000);
        };
    }

    @Test
    void text_anyDouble_readsBackAndIsNoLongerThanTheJdksOwn() {
        SplittableRandom random = new SplittableRandom(20261201L);
        boolean sameAsJdk = Runtime.version().feature() >= 19;
        for (int i = 0; i < 1_000_000; i++) {
            double value = draw(random, i % 4);
            if (!Double.isFinite(value)) {
                continue;
            }
            String text = Numbers.text(value);
            assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(Double.parseDouble(text)), text);
            String jdk = Double.toString(value);
            assertTrue(text.length() <= jdk.length(), () -> text + " is longer than " + jdk);
            if (sameAsJdk) {
                assertEquals(jdk, text);
            }
        }
    }

    @Test
    void text_valueJdk17PrintsLonger_printsTheShortestAsJdk19Does() {
        // JDK 17's Double.toString prints 7.1453526456809247E18 for this double (JDK-4511638); JDK 19+ and
        // Numbers print the shortest decimal that reads back.
        double value = Double.parseDouble("7.145352645680925E18");
        assertEquals("7.145352645680925E18", Numbers.text(value));
        assertEquals("0.1", Numbers.text(0.1));
        assertEquals("1.0", Numbers.text(1.0));
        assertEquals("-0.0", Numbers.text(-0.0));
        assertEquals("1.0E-5", Numbers.text(1e-5));
    }

    @Test
    void text_notFinite_refused() {
        assertThrows(IllegalArgumentException.class, () -> Numbers.text(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Numbers.text(Double.POSITIVE_INFINITY));
    }

    @Test
    void reports_doubleJdk17PrintsLonger_sameTextInJsonCsvAndSweepColumns() throws Exception {
        double value = Double.parseDouble("7.145352645680925E18");
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        assertEquals("7.145352645680925E18", Csv.number(value));
        assertEquals("7.145352645680925E18", Numbers.MAPPER.writeValueAsString(nodes.numberNode(value)));
        assertEquals("7.145352645680925E18", Sweeps.text(nodes.numberNode(value)));
        JsonNode list = nodes.arrayNode().add(value).add(0.5);
        assertEquals("[7.145352645680925E18,0.5]", Sweeps.text(list));
    }
}
