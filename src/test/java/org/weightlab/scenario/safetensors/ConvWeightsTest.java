package org.weightlab.scenario.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.ConvSpec;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.ScenarioException;

/** Convolutions in .safetensors files: named as nn.Sequential numbers Conv2d, activation, Flatten, Linear; read back into a network of the same shape. */
class ConvWeightsTest {

    private static Trainer trained(long seed) {
        RunConfig c = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS).withData(200, 0, 0.5, seed)
                .withHidden(List.of(6), List.of());
        c = c.withExtras(c.extras().withConv(List.of(new ConvSpec(3, 3), new ConvSpec(2, 2))));
        Trainer t = new Trainer(c, DataGenerator.generate(c));
        t.runSteps(3);
        return t;
    }

    @Test
    void convolutionsAreTheFirstModulesThenFlattenThenTheLinearLayers() throws ScenarioException {
        Network net = trained(1).network();
        SafetensorsFile file = NetworkWeights.export(NetworkState.of(net), net.features(), net.loss());
        Map<String, Tensor> t = file.tensors();
        assertArrayEquals(new int[]{3, 1, 3, 3}, t.get("0.weight").shape());
        assertArrayEquals(new int[]{2, 3, 2, 2}, t.get("2.weight").shape());
        assertArrayEquals(net.conv(1).weightsCopy(), t.get("2.weight").values(), 0);
        assertArrayEquals(new int[]{6, 50}, t.get("5.weight").shape(), "module 4 is the Flatten");
        assertArrayEquals(new int[]{10, 6}, t.get("7.weight").shape());
        assertEquals("1,8,8;3:3:tanh;2:2:tanh", file.metadata().get(ConvWeights.CONV));

        Network other = trained(2).network();
        SafetensorsFile back = SafetensorsFile.parse(file.toBytes(), "w.safetensors");
        Network loaded = NetworkWeights.fit(back, other, "w.safetensors");
        assertEquals(NetworkState.of(net).conv(), NetworkState.of(loaded).conv());
        assertArrayEquals(net.layer(0).weightsCopy(), loaded.layer(0).weightsCopy(), 0);
        NetworkState fitted = NetworkWeights.fit(back, NetworkState.of(other), "w.safetensors");
        assertEquals(NetworkState.of(net).conv(), fitted.conv());
    }

    @Test
    void aFileWhoseKernelsDoNotFitIsRefused() {
        Network net = trained(1).network();
        Map<String, Tensor> t = new LinkedHashMap<>(NetworkWeights.export(NetworkState.of(net), net.features(),
                net.loss()).tensors());
        t.put("0.weight", Tensor.f64(new int[]{3, 1, 2, 2}, new double[12]));
        SafetensorsFile wrong = new SafetensorsFile(t, Map.of());
        ScenarioException e = assertThrows(ScenarioException.class, () -> NetworkWeights.fit(wrong, net, "w"));
        assertTrue(e.getMessage().contains("convolution 1"), e.getMessage());
        t.remove("0.weight");
        t.remove("0.bias");
        SafetensorsFile missing = new SafetensorsFile(t, Map.of());
        e = assertThrows(ScenarioException.class, () -> NetworkWeights.fit(missing, net, "w"));
        assertTrue(e.getMessage().contains("convolution"), e.getMessage());
    }
}
