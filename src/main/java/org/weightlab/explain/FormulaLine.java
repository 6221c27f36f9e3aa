package org.weightlab.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of the formula panel.
 *
 * @param kind how the view styles it: {@link Kind#RULE} the symbolic formula, {@link Kind#NUMBERS}
 *             the same with numbers substituted, {@link Kind#RESULT} the value, {@link Kind#NOTE} prose
 */
public record FormulaLine(Kind kind, List<Token> tokens) {

    public enum Kind { RULE, NUMBERS, RESULT, NOTE }

    public FormulaLine {
        tokens = List.copyOf(tokens);
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        for (Token t : tokens) {
            b.append(t.text());
        }
        return b.toString();
    }

    /** The number named {@code key} on this line, if any. */
    public Optional<Token.Num> find(String key) {
        for (Token t : tokens) {
            if (t instanceof Token.Num n && key.equals(n.key())) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    public static Builder of(Kind kind) {
        return new Builder(kind);
    }

    /** Builds a line token by token. */
    public static final class Builder {
        private final Kind kind;
        private final List<Token> tokens = new ArrayList<>();

        private Builder(Kind kind) {
            this.kind = kind;
        }

        public Builder sym(String base, String sup, String sub) {
            tokens.add(new Token.Sym(base, sup, sub));
            return this;
        }

        public Builder sym(String base) {
            return sym(base, "", "");
        }

        public Builder num(double v) {
            tokens.add(new Token.Num(v, null));
            return this;
        }

        public Builder num(double v, String key) {
            tokens.add(new Token.Num(v, key));
            return this;
        }

        /** A number in brackets when negative, so that "w \u00b7 x" never reads as a subtraction. */
        public Builder factor(double v, String key) {
            boolean bracket = v < 0 || Double.isNaN(v);
            if (bracket) {
                op("(");
            }
            num(v, key);
            if (bracket) {
                op(")");
            }
            return this;
        }

        public Builder op(String s) {
            tokens.add(new Token.Op(s));
            return this;
        }

        public Builder word(String s) {
            tokens.add(new Token.Word(s));
            return this;
        }

        public Builder gap(int hidden, String what) {
            tokens.add(new Token.Gap(hidden, what));
            return this;
        }

        public Builder add(Token t) {
            tokens.add(t);
            return this;
        }

        public Builder addAll(List<Token> ts) {
            tokens.addAll(ts);
            return this;
        }

        public FormulaLine build() {
            return new FormulaLine(kind, tokens);
        }
    }
}
