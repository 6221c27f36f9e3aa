package org.weightlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void showsFourSignificantDigitsWithARealMinus() {
        assertEquals("0.1235", NumberText.format(0.123456));
        assertEquals("\u22123.142", NumberText.format(-Math.PI));
        assertEquals("12350", NumberText.format(12345.6));
        assertEquals("0.0001000", NumberText.format(0.0001));
        assertEquals("1.000", NumberText.format(0.99999));
    }

    @Test
    void exactIntegersStayShort() {
        assertEquals("1", NumberText.format(1.0));
        assertEquals("\u22121", NumberText.format(-1.0));
        assertEquals("0", NumberText.format(0.0));
    }

    @Test
    void tinyAndHugeNumbersUseSuperscriptPowersOfTen() {
        assertEquals("\u22122.500\u00d710\u207b\u2077", NumberText.format(-2.5e-7));
        assertEquals("1.235\u00d710\u2075", NumberText.format(123456.7));
    }

    @Test
    void valuesThatAreNotNumbersAreNamedAndExplained() {
        assertEquals("\u221e", NumberText.format(Double.POSITIVE_INFINITY));
        assertEquals("NaN", NumberText.format(Double.NaN));
        assertTrue(NumberText.exact(Double.NaN).contains("not a number"));
        assertEquals("0.1", NumberText.exact(0.1));
    }
}
