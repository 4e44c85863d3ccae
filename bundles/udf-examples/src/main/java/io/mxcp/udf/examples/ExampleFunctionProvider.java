package io.mxcp.udf.examples;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.mxcp.sdk.udf.SqlFunction;
import io.mxcp.sdk.udf.SqlFunctionProvider;
import io.mxcp.sdk.udf.SqlType;

/**
 * A sample UDF plugin: registered as an OSGi service, its functions become callable from every SQL
 * endpoint while the bundle is installed ({@code SELECT rot13($text)}), and answer "UDF plugin ... is not
 * installed" once it is removed. Dropping a newer version of the jar into {@code deploy/} swaps it in
 * without a restart.
 *
 * <ul>
 *   <li>{@code rot13(VARCHAR) -> VARCHAR}</li>
 *   <li>{@code word_count(VARCHAR) -> BIGINT}</li>
 *   <li>{@code udf_examples_version() -> VARCHAR}: the version of the installed bundle, handy to see which
 *       version answers during a swap</li>
 * </ul>
 */
@Component(service = SqlFunctionProvider.class)
public final class ExampleFunctionProvider implements SqlFunctionProvider {

    private final String version;

    @Activate
    public ExampleFunctionProvider(BundleContext context) {
        this(context.getBundle().getVersion().toString());
    }

    ExampleFunctionProvider(String version) {
        this.version = version;
    }

    @Override
    public String providerName() {
        return "udf-examples";
    }

    @Override
    public List<SqlFunction> functions() {
        return List.of(
                new SqlFunction("rot13", List.of(SqlType.VARCHAR), SqlType.VARCHAR,
                        arguments -> TextFunctions.rot13((String) arguments[0])),
                new SqlFunction("word_count", List.of(SqlType.VARCHAR), SqlType.BIGINT,
                        arguments -> TextFunctions.wordCount((String) arguments[0])),
                new SqlFunction("udf_examples_version", List.of(), SqlType.VARCHAR,
                        arguments -> version));
    }
}
