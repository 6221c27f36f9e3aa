package org.weightlab.ui.compress;

import java.util.function.Consumer;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.fx.LatestWorker;

/**
 * Compression previews off the FX thread, latest wins ({@link LatestWorker}): while training runs,
 * at most {@link #RUNNING_PER_SECOND} a second. Results go to {@code deliver} on the worker thread;
 * the caller hops to the FX thread (once per result, never per training step).
 */
final class PreviewWorker {

    /** Previews a second, at most, while the run trains. */
    static final double RUNNING_PER_SECOND = 8;

    private record Request(TrainingSnapshot snapshot, WhatIf whatIf) {
    }

    private final LatestWorker<Request, CompressionPreview> worker;

    PreviewWorker(Consumer<CompressionPreview> deliver) {
        worker = new LatestWorker<>("weightlab-compress-preview", RUNNING_PER_SECOND,
                r -> r.snapshot().state() == SessionState.RUNNING,
                r -> CompressionPreview.compute(r.snapshot(), r.whatIf()), deliver);
    }

    /** Asks for the preview of {@code whatIf} on {@code s}; replaces a request not yet started. */
    void request(TrainingSnapshot s, WhatIf whatIf) {
        worker.request(new Request(s, whatIf));
    }
}
