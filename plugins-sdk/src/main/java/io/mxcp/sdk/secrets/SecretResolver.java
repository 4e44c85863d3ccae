package io.mxcp.sdk.secrets;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Resolves whole-value references of one URI scheme in the user config, such as
 * {@code vault://secret/db#password} or {@code op://vault/item/field}.
 */
@ConsumerType
public interface SecretResolver {

    /** The scheme handled, without {@code ://} ({@code vault}, {@code op}, ...). */
    String scheme();

    /**
     * Resolves one reference.
     *
     * @param reference the whole reference as written in the config
     * @param settings  the user config's block for this resolver (e.g. {@code vault}), possibly empty
     */
    String resolve(String reference, Map<String, Object> settings) throws SecretResolutionException;
}
