package io.mxcp.sdk.model;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A family of language models reachable through one API. Register an implementation as an OSGi service;
 * {@code mxcp evals} picks it by {@link #type()}, the {@code type} of a model in the user config.
 */
@ConsumerType
public interface ChatModelProvider {

    /** The user config's {@code models.models.<name>.type} this provider serves ({@code claude}, ...). */
    String type();

    /**
     * A client for one configured model. Must not reach the network: the first request does.
     *
     * @throws ModelException when the settings are unusable; the message names the field
     */
    ChatModel open(ModelSettings settings) throws ModelException;
}
