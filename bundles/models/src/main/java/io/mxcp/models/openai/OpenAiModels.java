package io.mxcp.models.openai;

import java.net.URI;

import org.osgi.service.component.annotations.Component;

import io.mxcp.models.ModelHttp;
import io.mxcp.sdk.model.ChatModel;
import io.mxcp.sdk.model.ChatModelProvider;
import io.mxcp.sdk.model.ModelSettings;

/**
 * Models of {@code type: openai}: the Chat Completions API with function tools, at OpenAI or at any server speaking
 * it ({@code base_url}).
 */
@Component(service = ChatModelProvider.class)
public final class OpenAiModels implements ChatModelProvider {

    static final URI PUBLIC_API = URI.create("https://api.openai.com/v1");

    @Override
    public String type() {
        return "openai";
    }

    @Override
    public ChatModel open(ModelSettings settings) {
        URI base = settings.baseUrl() == null ? PUBLIC_API : settings.baseUrl();
        return new OpenAiChat(settings, base, new ModelHttp("OpenAI", settings));
    }
}
