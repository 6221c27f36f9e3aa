package org.weightlab.scenario.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weightlab.scenario.safetensors.SafetensorsFileTest.bytes;
import static org.weightlab.scenario.safetensors.SafetensorsFileTest.concat;
import static org.weightlab.scenario.safetensors.SafetensorsFileTest.file;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.LayerState;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.ScenarioException;

class NetworkWeightsTest {

    /** Features x1, x2, x1*x2 -> 4 relu -> 3 tanh -> 1 sigmoid with bce, the first weight frozen. */
    private static RunConfig config() {
        return RunConfig.defaults().withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2))
                .withActivations(ActivationKind.TANH, ActivationKind.SIGMOID, LossKind.BCE,
                        RunConfig.defaults().problem())
                .withHidden(List.of(4, 3), List.of(ActivationKind.RELU, ActivationKind.TANH));
    }

    private static Network network() {
        Network created = Network.create(config());
        List<Layer> layers = new java.util.ArrayList<>();
        for (int l = 0; l < created.layerCount(); l++) {
            Layer c = created.layer(l);
            boolean[] frozen = c.frozenWeightsCopy();
            frozen[0] = l == 0;
            layers.add(Layer.of(c.inputs(), c.outputs(), c.activation(), c.weightsCopy(), c.biasesCopy(), frozen,
                    c.frozenBiasesCopy()));
        }
        return new Network(created.features(), created.loss(), layers);
    }

    @Test
    void exportNamesEachLinearAsNnSequentialDoes() {
        Network net = network();
        SafetensorsFile f = NetworkWeights.export(NetworkState.of(net), net.features(), net.loss());
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"),
                List.copyOf(f.tensors().keySet()));
        for (int l = 0; l < 3; l++) {
            Layer layer = net.layer(l);
            Tensor w = f.tensors().get((2 * l) + ".weight");
            assertArrayEquals(new int[]{layer.outputs(), layer.inputs()}, w.shape());
            assertEquals(Dtype.F64, w.dtype());
            for (int o = 0; o < layer.outputs(); o++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    assertEquals(layer.weight(o, i), w.value(o * layer.inputs() + i), "W[" + o + "][" + i + "]");
                }
                assertEquals(layer.bias(o), f.tensors().get((2 * l) + ".bias").value(o));
            }
        }
        assertEquals(Map.of("format", "pt", NetworkWeights.FEATURES, "x1,x2,x1*x2",
                NetworkWeights.ACTIVATIONS, "relu,tanh,sigmoid", NetworkWeights.LOSS, "bce"), f.metadata());
    }

    @Test
    void fileRoundTripRestoresTheNetworkBitForBit() throws Exception {
        Network net = network();
        NetworkState state = NetworkState.of(net);
        byte[] bytes = NetworkWeights.export(state, net.features(), net.loss()).toBytes();
        SafetensorsFile back = SafetensorsFile.parse(bytes, "w");

        NetworkState zeroed = new NetworkState(state.layers().stream().map(s -> new LayerState(
                new double[s.outputs()][s.inputs()], new double[s.outputs()], s.activation(), s.frozenWeights(),
                s.frozenBiases())).toList());
        assertEquals(state, NetworkWeights.fit(back, zeroed, "w"), "values back, masks kept");

        Network other = Network.create(config().withData(200, 0, 0.5, 99));
        double[] before = other.layer(0).weightsCopy();
        Network fitted = NetworkWeights.fit(back, other, "w");
        for (int l = 0; l < 3; l++) {
            assertArrayEquals(net.layer(l).weightsCopy(), fitted.layer(l).weightsCopy());
            assertArrayEquals(net.layer(l).biasesCopy(), fitted.layer(l).biasesCopy());
            assertArrayEquals(other.layer(l).frozenWeightsCopy(), fitted.layer(l).frozenWeightsCopy(), "masks kept");
        }
        assertArrayEquals(before, other.layer(0).weightsCopy(), "the network given is not touched");

        NetworkState built = NetworkWeights.build(back, ActivationKind.LINEAR, ActivationKind.LINEAR, "w");
        assertEquals(NetworkState.of(net).layers().get(2).activation(), built.layers().get(2).activation(),
                "activations come from the metadata");
        assertEquals(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2), NetworkWeights.features(back, "w"));
        assertEquals(state.layers().get(1).weights()[2][1], built.layers().get(1).weight(2, 1));
    }

    /** A file as PyTorch writes a Sequential(Linear, ReLU, Dropout, Linear) in float32, without metadata. */
    private static SafetensorsFile foreignFile() throws ScenarioException {
        // model.0.weight [2,1] = {0.5f, -1f}; model.0.bias [2] = {0.25f, 0}; model.3.weight [1,2] = {2f, 0.1f};
        // no model.3.bias.
        byte[] data = concat(bytes(0, 0, 0, 0x3f, 0, 0, 0x80, 0xbf), bytes(0, 0, 0x80, 0x3e, 0, 0, 0, 0),
                bytes(0, 0, 0, 0x40, 0xcd, 0xcc, 0xcc, 0x3d));
        String header = "{\"model.3.weight\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[16,24]},"
                + "\"model.0.weight\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[0,8]},"
                + "\"model.0.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}";
        return SafetensorsFile.parse(file(header, data), "torch.safetensors");
    }

    @Test
    void foreignFileBuildsANetworkInModuleOrder() throws Exception {
        NetworkState built = NetworkWeights.build(foreignFile(), ActivationKind.RELU, ActivationKind.LINEAR, "t");
        assertEquals(2, built.layers().size());
        LayerState first = built.layers().get(0);
        assertEquals(1, first.inputs());
        assertEquals(2, first.outputs());
        assertArrayEquals(new double[][]{{0.5}, {-1}}, first.weights());
        assertArrayEquals(new double[]{0.25, 0}, first.biases());
        assertEquals(ActivationKind.RELU, first.activation());
        LayerState out = built.layers().get(1);
        assertArrayEquals(new double[][]{{2, 13421773 / 134217728.0}}, out.weights());
        assertArrayEquals(new double[]{0}, out.biases(), "no bias tensor: zeros");
        assertEquals(ActivationKind.LINEAR, out.activation());
        assertEquals(null, NetworkWeights.features(foreignFile(), "t"));
    }

    private static String refusal(SafetensorsFile f, NetworkState target) {
        return assertThrows(ScenarioException.class, () -> NetworkWeights.fit(f, target, "w.safetensors")).getMessage();
    }

    @Test
    void filesThatDoNotFitAreRefusedAndNothingChanges() throws Exception {
        Network net = network();
        NetworkState state = NetworkState.of(net);
        Map<String, Tensor> tensors = new LinkedHashMap<>(
                NetworkWeights.export(state, net.features(), net.loss()).tensors());

        assertEquals("w.safetensors: holds 2 Linear layers; the network has 3",
                refusal(NetworkWeights.export(new NetworkState(state.layers().subList(1, 3)), net.features(),
                        net.loss()), state));

        Map<String, Tensor> wide = new LinkedHashMap<>(tensors);
        wide.put("2.weight", Tensor.f64(new int[]{3, 5}, new double[15]));
        wide.put("4.weight", Tensor.f64(new int[]{1, 3}, new double[3]));
        assertEquals("w.safetensors: 2.weight takes 5 inputs but the layer before has 4 outputs",
                refusal(new SafetensorsFile(wide, Map.of()), state));

        Map<String, Tensor> otherShape = new LinkedHashMap<>(tensors);
        otherShape.put("0.weight", Tensor.f64(new int[]{4, 2}, new double[8]));
        assertEquals("w.safetensors: layer 1 has weights [4, 2]; the network's layer 1 is [4, 3] (out, in)",
                refusal(new SafetensorsFile(otherShape, Map.of()), state));

        Map<String, Tensor> badBias = new LinkedHashMap<>(tensors);
        badBias.put("2.bias", Tensor.f64(new int[]{1, 3}, new double[3]));
        assertTrue(refusal(new SafetensorsFile(badBias, Map.of()), state).contains("2.bias has shape [1, 3]"));

        Map<String, Tensor> nan = new LinkedHashMap<>(tensors);
        double[] w = tensors.get("2.weight").values();
        w[5] = Double.NaN;
        nan.put("2.weight", Tensor.f64(new int[]{3, 4}, w));
        assertEquals("w.safetensors: 2.weight holds NaN at [1, 1]; weights must be finite numbers",
                refusal(new SafetensorsFile(nan, Map.of()), state));

        Map<String, Tensor> extra = new LinkedHashMap<>(tensors);
        extra.put("running_mean", Tensor.f64(new int[]{1}, new double[1]));
        assertTrue(refusal(new SafetensorsFile(extra, Map.of()), state)
                .contains("tensor \"running_mean\" is not a Linear layer's weight or bias"));

        Map<String, Tensor> twoPrefixes = new LinkedHashMap<>(tensors);
        twoPrefixes.put("net.6.weight", Tensor.f64(new int[]{1, 1}, new double[1]));
        assertTrue(refusal(new SafetensorsFile(twoPrefixes, Map.of()), state).contains("net.6.weight"));

        Map<String, Tensor> orphanBias = new LinkedHashMap<>(tensors);
        orphanBias.remove("4.weight");
        assertEquals("w.safetensors: has 4.bias but no 4.weight", refusal(new SafetensorsFile(orphanBias, Map.of()),
                state));

        assertEquals(NetworkState.of(net), state, "the network is as it was");
        assertNotEquals(0.0, state.layers().get(1).weight(1, 1));
    }

    @Test
    void halfPrecisionInfinityIsRefusedOnImport() throws Exception {
        // One layer 1 -> 1: weight F16 0x7C00 (+infinity), bias F16 0x3C00 (1).
        SafetensorsFile f = SafetensorsFile.parse(file("{\"0.weight\":{\"dtype\":\"F16\",\"shape\":[1,1],"
                + "\"data_offsets\":[0,2]},\"0.bias\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[2,4]}}",
                bytes(0x00, 0x7c, 0x00, 0x3c)), "h");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> NetworkWeights.build(f, ActivationKind.TANH, ActivationKind.TANH, "h.safetensors"));
        assertEquals("h.safetensors: 0.weight holds Infinity at [0, 0]; weights must be finite numbers",
                e.getMessage());
    }
}
