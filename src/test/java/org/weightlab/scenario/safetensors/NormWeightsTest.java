package org.weightlab.scenario.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.NormState;

/** Batch-normalized layers in safetensors: PyTorch's nn.Sequential names, and read back past the BatchNorm1d modules. */
class NormWeightsTest {

    @Test
    void normalizedLayersGetBatchNorm1dNamesAndShiftTheModulesAfterThem() throws Exception {
        RunConfig c = RunConfig.defaults().withHidden(List.of(4, 3), List.of());
        c = c.withExtras(c.extras().withBatchNorm(List.of(true, false)));
        Trainer t = new Trainer(c, DataGenerator.generate(c));
        t.runSteps(7);
        NetworkState state = NetworkState.of(t.network());
        SafetensorsFile file = SafetensorsFile.parse(NetworkWeights.export(state, c.features(), c.loss()).toBytes(), "w");
        // Linear 0, BatchNorm1d 1, Tanh 2, Linear 3, Tanh 4, Linear 5, Tanh 6
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked", "3.weight", "3.bias", "5.weight", "5.bias"), List.copyOf(file.tensors().keySet()));
        NormState norm = state.layers().get(0).norm();
        assertArrayEquals(norm.gamma(), file.tensors().get("1.weight").values(), 0);
        assertArrayEquals(norm.runningVar(), file.tensors().get("1.running_var").values(), 0);
        Tensor count = file.tensors().get("1.num_batches_tracked");
        assertEquals(Dtype.I64, count.dtype());
        assertEquals(0, count.rank());
        assertEquals(7.0, count.value(0));
        assertEquals("true,false,false", file.metadata().get(NetworkWeights.BATCH_NORM));
        List<NetworkWeights.Found> dense = NetworkWeights.layers(file, "w");
        assertEquals(3, dense.size(), "the BatchNorm1d module is not read as a dense layer");
        assertArrayEquals(state.layers().get(1).flatWeights(), dense.get(1).weights(), 0);
    }
}
