package org.weightlab.engine.config;

import java.util.List;

/**
 * Data carried inside a scenario or run export instead of generated from the seed: an imported
 * CSV or points clicked in the output view.
 *
 * @param columns the input columns' names, one per input
 * @param classes class names for classification (label c names classes.get(c)), empty for regression
 */
public record InlineData(List<String> columns, List<String> classes) {

    public InlineData {
        columns = List.copyOf(columns);
        classes = List.copyOf(classes);
    }
}
