package io.mxcp.it.versioned;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;

import io.mxcp.sdk.udf.SqlFunction;
import io.mxcp.sdk.udf.SqlFunctionProvider;
import io.mxcp.sdk.udf.SqlType;

/**
 * A UDF plugin whose builds differ by the {@code X-Mxcp-It-Build} header of their manifest: {@code versioned_answer()}
 * says which version and build answers; build {@code throwing} fails in {@code functions()}, build {@code builtin}
 * also offers a function named as one of DuckDB's own, build {@code rival} is another plugin ({@code rival}) offering
 * the same function. PluginUpgradeIT deploys them over one another, PluginTakeoverIT beside one another.
 */
public final class VersionedProvider implements SqlFunctionProvider {

    private String answer;
    private String build;

    public void activate(BundleContext context) {
        build = context.getBundle().getHeaders().get("X-Mxcp-It-Build");
        answer = context.getBundle().getVersion() + (build == null ? "" : " " + build);
    }

    @Override
    public String providerName() {
        return "rival".equals(build) ? "rival" : "versioned";
    }

    @Override
    public List<SqlFunction> functions() {
        if ("throwing".equals(build)) {
            throw new IllegalStateException("this build cannot list its functions");
        }
        List<SqlFunction> functions = new ArrayList<>();
        functions.add(new SqlFunction("versioned_answer", List.of(), SqlType.VARCHAR, arguments -> answer));
        if ("builtin".equals(build)) {
            functions.add(new SqlFunction("lower", List.of(SqlType.VARCHAR), SqlType.VARCHAR, arguments -> "HIJACKED"));
        }
        return functions;
    }
}
