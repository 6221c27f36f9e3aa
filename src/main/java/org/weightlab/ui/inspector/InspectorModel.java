package org.weightlab.ui.inspector;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.analysis.Diagnosis;
import org.weightlab.analysis.Diagnostics;
import org.weightlab.analysis.StepSummary;
import org.weightlab.analysis.SummaryHistory;
import org.weightlab.ui.network.EdgeRef;

/**
 * The weight inspector's view model. FX thread only. Driven by {@link #show(TrainingSnapshot)}
 * (at most once per frame): it records a cheap summary of the shown snapshot in a bounded
 * history, rereads the diagnostics up to the shown step, and publishes the snapshot, so
 * showing a past snapshot shows that moment, histories included.
 *
 * <p>Selection: {@link #selectionProperty()} is the selected edge (the network graph's
 * {@link EdgeRef}), meant to be bound bidirectionally with the graph's selection; selecting an
 * edge also selects its layer and its neuron; an edge that does not fit the shown network is
 * dropped. {@link #neuronProperty()} may also be set alone (a bias cell selects only a neuron).
 */
public final class InspectorModel {

    private final SummaryHistory history;
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<List<StepSummary>> shownHistory =
            new ReadOnlyObjectWrapper<>(this, "shownHistory", List.of());
    private final ObservableList<Diagnosis> diagnoses = FXCollections.observableArrayList();
    private final ObservableList<Diagnosis> diagnosesView = FXCollections.unmodifiableObservableList(diagnoses);
    private final IntegerProperty layer = new SimpleIntegerProperty(this, "layer", 0);
    private final ObjectProperty<EdgeRef> selection = new SimpleObjectProperty<>(this, "selection");
    private final ObjectProperty<NeuronRef> neuron = new SimpleObjectProperty<>(this, "neuron");

    public InspectorModel() {
        this(new SummaryHistory());
    }

    public InspectorModel(SummaryHistory history) {
        this.history = history;
        selection.addListener((obs, old, edge) -> {
            if (edge != null) {
                neuron.set(new NeuronRef(edge.layer(), edge.out()));
                layer.set(edge.layer());
            }
        });
        neuron.addListener((obs, old, n) -> {
            if (n != null) {
                layer.set(n.layer());
            }
        });
    }

    // ---- commands ------------------------------------------------------------------------

    /** Shows the moment {@code s}: the newest one, or a past one from the timeline. */
    public void show(TrainingSnapshot s) {
        if (s == null) {
            throw new IllegalArgumentException("show needs a snapshot, got null");
        }
        history.record(s);
        List<StepSummary> upTo = history.upTo(s.step());
        diagnoses.setAll(Diagnostics.diagnose(upTo));
        if (layer.get() >= s.layers().size()) {
            layer.set(s.layers().size() - 1);
        }
        EdgeRef edge = selection.get();
        if (edge != null && !fits(edge, s)) {
            selection.set(null);
        }
        NeuronRef n = neuron.get();
        if (n != null && (n.layer() >= s.layers().size() || n.out() >= s.layers().get(n.layer()).outputs())) {
            neuron.set(null);
        }
        shownHistory.set(upTo);
        snapshot.set(s);
    }

    /** Forgets the recorded past (call on a reset or rebuild: the old run says nothing about the new one). */
    public void clearHistory() {
        history.clear();
        shownHistory.set(List.of());
        diagnoses.clear();
    }

    public void selectEdge(int layerIndex, int out, int in) {
        EdgeRef edge = new EdgeRef(layerIndex, out, in);
        TrainingSnapshot s = snapshot.get();
        if (s != null && !fits(edge, s)) {
            throw new IllegalArgumentException("no edge " + edge + " in the shown network");
        }
        selection.set(edge);
    }

    public void selectNeuron(int layerIndex, int out) {
        EdgeRef edge = selection.get();
        if (edge != null && (edge.layer() != layerIndex || edge.out() != out)) {
            selection.set(null);
        }
        neuron.set(new NeuronRef(layerIndex, out));
    }

    public void selectLayer(int index) {
        TrainingSnapshot s = snapshot.get();
        int layers = s == null ? Integer.MAX_VALUE : s.layers().size();
        if (index < 0 || index >= layers) {
            throw new IllegalArgumentException("no layer " + index + " (the network has " + layers + ")");
        }
        layer.set(index);
    }

    // ---- state ---------------------------------------------------------------------------

    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public TrainingSnapshot snapshot() {
        return snapshot.get();
    }

    /** The recorded summaries up to the shown step, oldest first. */
    public ReadOnlyObjectProperty<List<StepSummary>> shownHistoryProperty() {
        return shownHistory.getReadOnlyProperty();
    }

    public ObservableList<Diagnosis> diagnoses() {
        return diagnosesView;
    }

    /** The layer whose matrices are shown (0 = first hidden layer). */
    public IntegerProperty layerProperty() {
        return layer;
    }

    public ObjectProperty<EdgeRef> selectionProperty() {
        return selection;
    }

    public ObjectProperty<NeuronRef> neuronProperty() {
        return neuron;
    }

    public SummaryHistory history() {
        return history;
    }

    private static boolean fits(EdgeRef e, TrainingSnapshot s) {
        return e.layer() >= 0 && e.out() >= 0 && e.in() >= 0 && e.layer() < s.layers().size()
                && e.out() < s.layers().get(e.layer()).outputs() && e.in() < s.layers().get(e.layer()).inputs();
    }
}
