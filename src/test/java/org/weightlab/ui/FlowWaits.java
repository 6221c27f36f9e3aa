package org.weightlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** The two waits every window flow needs: for a condition, and for a value read on the FX thread. */
public final class FlowWaits {

    /** Long enough for a window flow on a loaded two-core machine. */
    public static final int TIMEOUT_S = 30;

    private FlowWaits() {
    }

    /** Waits until {@code condition} holds; fails naming {@code what} when it does not within {@link #TIMEOUT_S}. */
    public static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    /** {@code c}'s value, computed on the FX thread. */
    public static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
