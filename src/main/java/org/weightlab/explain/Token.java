package org.weightlab.explain;

/**
 * One piece of a typeset formula. The view draws variables in italics with raised and lowered
 * indices, numbers with their exact value in a tooltip; {@link #text()} is the plain-text form
 * used for copying and for tests.
 */
public sealed interface Token {

    String text();

    /** An italic variable such as z with superscript "[1]" (the layer) and subscript "2" (the neuron). */
    record Sym(String base, String sup, String sub) implements Token {
        public Sym {
            sup = sup == null ? "" : sup;
            sub = sub == null ? "" : sub;
        }

        @Override
        public String text() {
            return base + (sup.isEmpty() ? "" : "^" + sup) + (sub.isEmpty() ? "" : "_" + sub);
        }
    }

    /**
     * A number shown to 4 significant digits. {@code key} names what it is (e.g. "z", "w0.after")
     * so tests and tooltips can find it; null for numbers that are only part of the arithmetic.
     */
    record Num(double value, String key) implements Token {
        @Override
        public String text() {
            return NumberText.format(value);
        }
    }

    /** An operator or bracket, drawn upright: "=", "+", "\u00b7", "(", ... */
    record Op(String text) implements Token {
    }

    /** An upright word: a function name (tanh, log) or a remark ("frozen: skipped"). */
    record Word(String text) implements Token {
    }

    /** Terms left out of a long sum: "... 780 more terms ...". */
    record Gap(int hidden, String what) implements Token {
        @Override
        public String text() {
            return "\u2026 " + hidden + " more " + what + " \u2026";
        }
    }
}
