package org.weightlab.explain;

import java.util.List;
import java.util.Optional;

/**
 * One stop of the walk through a training step: what the formula panel and the diagram show.
 * Immutable; a walk is a list of these, built once per selected example.
 *
 * @param layer  the weight layer (0 = first hidden layer), or -1
 * @param neuron the neuron in that layer, or -1
 * @param table  parameter table (update and batch stages), or null
 */
public record Stage(Phase phase, int layer, int neuron, String title, List<FormulaLine> lines, StepTable table,
                    DiagramMarks marks) {

    public Stage {
        lines = List.copyOf(lines);
    }

    /** The number named {@code key} as the panel shows it (its exact value). */
    public double value(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("stage \"" + title + "\" shows no " + key))
                .value();
    }

    public Optional<Token.Num> find(String key) {
        for (FormulaLine line : lines) {
            Optional<Token.Num> n = line.find(key);
            if (n.isPresent()) {
                return n;
            }
        }
        return table == null ? Optional.empty() : table.find(key);
    }

    /** Everything the panel shows, as plain text. */
    public String text() {
        StringBuilder b = new StringBuilder(title).append('\n');
        for (FormulaLine line : lines) {
            b.append(line.text()).append('\n');
        }
        if (table != null) {
            b.append(table.text());
        }
        return b.toString();
    }
}
