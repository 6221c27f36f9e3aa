package org.weightlab.explain;

/**
 * What the network diagram shows at one stage. Columns count from 0 (the input features) to the
 * output layer; weight layer {@code l} feeds column {@code l + 1}.
 *
 * @param column     the column of the active neuron, or -1 when no neuron is active
 * @param neuron     the active neuron in that column
 * @param edgeValues one value per incoming edge of the active neuron (inputs in the forward pass,
 *                   gradients in the backward pass, new weights in the update), or null for none
 * @param edgeKind   what {@code edgeValues} hold
 * @param nodeValues {@code [column][neuron]}: the value written under each circle
 * @param nodeShown  whether that value is known yet at this stage (false: draw nothing)
 * @param nodeSymbol what the node values are ("a" activations, "\u03b4" deltas)
 */
public record DiagramMarks(int column, int neuron, double[] edgeValues, EdgeKind edgeKind,
                           double[][] nodeValues, boolean[][] nodeShown, String nodeSymbol) {

    /** What rides on the highlighted edges. */
    public enum EdgeKind {
        NONE(""), INPUT("x"), GRADIENT("\u2202L/\u2202w"), NEW_WEIGHT("w\u2032");

        private final String symbol;

        EdgeKind(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public DiagramMarks {
        edgeValues = edgeValues == null ? null : edgeValues.clone();
        nodeValues = deepCopy(nodeValues);
        nodeShown = deepCopy(nodeShown);
    }

    @Override
    public double[] edgeValues() {
        return edgeValues == null ? null : edgeValues.clone();
    }

    @Override
    public double[][] nodeValues() {
        return deepCopy(nodeValues);
    }

    @Override
    public boolean[][] nodeShown() {
        return deepCopy(nodeShown);
    }

    public double nodeValue(int column, int neuron) {
        return nodeValues[column][neuron];
    }

    public boolean shown(int column, int neuron) {
        return nodeShown[column][neuron];
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static boolean[][] deepCopy(boolean[][] a) {
        boolean[][] c = new boolean[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
