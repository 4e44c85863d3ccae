package io.mxcp.mcp.internal.protocol;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.mxcp.core.api.Project;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.RpcResult;
import io.mxcp.mcp.internal.mapping.Completions;
import io.mxcp.mcp.internal.mapping.PromptCatalog;
import io.mxcp.mcp.internal.mapping.ResourceCatalog;
import io.mxcp.mcp.internal.mapping.ToolCatalog;

/**
 * The methods of one served project: its catalogs, lists (pages serialized once per era), calls, completions and
 * subscriptions, together with the methods that do not depend on the project. Built at server start and on each
 * reload, then replaced whole, so a request sees one project from lookup to answer.
 */
final class ProjectMethods {
    private final Project project;
    private final Subscriptions subscriptions;
    private final ResourceCatalog resources;
    private final Map<String, MethodHandler> legacy;
    private final Map<String, MethodHandler> modern;
    /** What each kind of list shows, to tell which lists a reload changed. */
    private final Map<ListKind, String> listings = new EnumMap<>(ListKind.class);

    /**
     * @param fixedLegacy the legacy methods that do not depend on the project
     * @param fixedModern the modern ones
     */
    ProjectMethods(Project project, Map<String, MethodHandler> fixedLegacy, Map<String, MethodHandler> fixedModern,
            Results results, InputRounds inputs, StopDrain stopDrain, ObjectMapper mapper) {
        this.project = project;
        this.legacy = new HashMap<>(fixedLegacy);
        this.modern = new HashMap<>(fixedModern);
        var endpoints = project.endpoints();
        ToolCatalog tools = new ToolCatalog(endpoints, mapper);
        ResourceCatalog resources = new ResourceCatalog(endpoints, mapper);
        PromptCatalog prompts = new PromptCatalog(endpoints, mapper);
        subscriptions = new Subscriptions(resources, results, mapper);

        // resources are computed on read: a subscription is accepted for a served URI, updates come with reloads
        this.resources = resources;
        legacy.put("resources/subscribe", subscription(ResourceSubscriptions::add, mapper));
        legacy.put("resources/unsubscribe", subscription(ResourceSubscriptions::remove, mapper));

        int pageSize = pageSize(project);
        list(ListKind.TOOLS, "tools/list", "tools", tools.descriptions(), pageSize, results, mapper);
        list(ListKind.RESOURCES, "resources/list", "resources", resources.resources(), pageSize, results, mapper);
        list(ListKind.RESOURCES, "resources/templates/list", "resourceTemplates", resources.templates(), pageSize,
                results, mapper);
        list(ListKind.PROMPTS, "prompts/list", "prompts", prompts.descriptions(), pageSize, results, mapper);

        EndpointMethods calls = new EndpointMethods(project, tools, resources, prompts, results, inputs, stopDrain,
                mapper);
        both("tools/call", calls::callTool);
        both("resources/read", calls::readResource);
        both("prompts/get", calls::getPrompt);
        both("completion/complete", new Complete(new Completions(endpoints), results, mapper)::handle);
    }

    private void both(String method, MethodHandler handler) {
        legacy.put(method, handler);
        modern.put(method, handler);
    }

    Project project() {
        return project;
    }

    Subscriptions subscriptions() {
        return subscriptions;
    }

    /** Whether a resource or resource template of the project answers this URI. */
    boolean serves(String uri) {
        return resources.serves(uri);
    }

    /** The handler of a method in the request's era, or null. */
    MethodHandler handler(boolean modernEra, String method) {
        return (modernEra ? modern : legacy).get(method);
    }

    /** The kinds of list that show something else than in {@code previous}. */
    Set<ListKind> changedSince(ProjectMethods previous) {
        Set<ListKind> changed = EnumSet.noneOf(ListKind.class);
        listings.forEach((kind, listing) -> {
            if (!listing.equals(previous.listings.get(kind))) {
                changed.add(kind);
            }
        });
        return changed;
    }

    /** A list method whose pages are serialized once per era. */
    private void list(ListKind kind, String method, String key, ArrayNode items, int pageSize, Results results,
            ObjectMapper mapper) {
        ListPages pages = new ListPages(method, key, items, pageSize, results, mapper);
        listings.merge(kind, pages.listing(), String::concat);
        both(method, (params, context) -> pages.answer(params, context.modern()));
    }

    /**
     * The most items a list answer holds: the user config's {@code transport.page_size} (ours), else all of them, as
     * the original answers (clients that do not follow {@code nextCursor} would miss the rest).
     */
    private static int pageSize(Project project) {
        return project.userConfig().get("transport") instanceof Map<?, ?> transport
                && transport.get("page_size") instanceof Number size && size.longValue() >= 1
                        ? (int) Math.min(size.longValue(), Integer.MAX_VALUE) : Integer.MAX_VALUE;
    }

    /** {@code resources/subscribe} or {@code unsubscribe}: the change is kept where the connection or session has state. */
    private MethodHandler subscription(BiConsumer<ResourceSubscriptions, String> change, ObjectMapper mapper) {
        return (params, context) -> {
            JsonNode uri = params.get("uri");
            if (uri == null || !uri.isTextual()) {
                throw JsonRpcErrors.invalidParams("Invalid params: 'uri' must be a string");
            }
            if (!serves(uri.asText())) {
                throw JsonRpcErrors.resourceNotFound(uri.asText(), false);
            }
            if (context.legacy() != null) {
                change.accept(context.legacy().resources(), uri.asText());
            }
            return RpcResult.of(mapper.createObjectNode());
        };
    }
}
