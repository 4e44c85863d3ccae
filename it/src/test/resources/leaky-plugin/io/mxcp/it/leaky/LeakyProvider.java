package io.mxcp.it.leaky;

import java.util.List;

import io.mxcp.sdk.udf.SqlFunction;
import io.mxcp.sdk.udf.SqlFunctionProvider;
import io.mxcp.sdk.udf.SqlType;

/**
 * A UDF plugin that breaks HOTSWAP.md rule 9 on purpose: it starts a thread of its own and never stops it, so its
 * class loader outlives its removal. PluginSwapIT deploys two versions of it to show that its leak check notices.
 */
public final class LeakyProvider implements SqlFunctionProvider {

    public void activate() {
        Thread keeper = new Thread(LeakyProvider::idleForever, "leaky-plugin-keeper");
        keeper.setDaemon(true);
        keeper.start();
    }

    private static void idleForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // the leak under test: the thread does not end when asked to
            }
        }
    }

    @Override
    public String providerName() {
        return "leaky";
    }

    @Override
    public List<SqlFunction> functions() {
        return List.of(new SqlFunction("leaky_answer", List.of(), SqlType.BIGINT, arguments -> 42L));
    }
}
