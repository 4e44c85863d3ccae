package io.mxcp.models.anthropic;

import java.net.URI;

import org.osgi.service.component.annotations.Component;

import io.mxcp.models.ModelHttp;
import io.mxcp.sdk.model.ChatModel;
import io.mxcp.sdk.model.ChatModelProvider;
import io.mxcp.sdk.model.ModelSettings;

/** Models of {@code type: claude}: Anthropic's Messages API with native tool use. */
@Component(service = ChatModelProvider.class)
public final class AnthropicModels implements ChatModelProvider {

    static final URI PUBLIC_API = URI.create("https://api.anthropic.com");

    @Override
    public String type() {
        return "claude";
    }

    @Override
    public ChatModel open(ModelSettings settings) {
        URI base = settings.baseUrl() == null ? PUBLIC_API : settings.baseUrl();
        return new AnthropicChat(settings, base, new ModelHttp("Anthropic", settings));
    }
}
