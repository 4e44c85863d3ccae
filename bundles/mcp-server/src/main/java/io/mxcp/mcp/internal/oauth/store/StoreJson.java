package io.mxcp.mcp.internal.oauth.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.sdk.auth.UserContext;

/**
 * The store's JSON columns: lists of strings, and {@code user_info} with the original MXCP's keys ({@code provider,
 * user_id, username, email, name, avatar_url, raw_profile, provider_scopes_granted, capabilities}) so rows it wrote
 * read here and the reverse. The user's external token is never part of it: it is the upstream access token, kept in
 * its own (encrypted) column.
 */
final class StoreJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private StoreJson() {
    }

    static String list(List<String> values) {
        return JSON.valueToTree(values).toString();
    }

    static List<String> list(String json, String column) throws UnreadableRowException {
        return strings(parse(json, column), column);
    }

    static String userInfo(UserContext user) {
        ObjectNode node = JSON.createObjectNode();
        node.put("provider", user.provider());
        node.put("user_id", user.userId());
        node.put("username", user.username());
        node.put("email", user.email());
        node.put("name", user.name());
        node.put("avatar_url", user.avatarUrl());
        node.set("raw_profile", JSON.valueToTree(user.rawProfile()));
        node.set("provider_scopes_granted", JSON.valueToTree(user.scopes()));
        node.set("capabilities", JSON.valueToTree(user.capabilities()));
        return node.toString();
    }

    /** The user of a {@code user_info} column, with the external token given. */
    static UserContext user(String json, String externalToken) throws UnreadableRowException {
        JsonNode node = parse(json, "user_info");
        if (!node.isObject() || text(node, "user_id") == null) {
            throw new UnreadableRowException("user_info has no user_id");
        }
        JsonNode profile = node.path("raw_profile");
        if (!profile.isMissingNode() && !profile.isNull() && !profile.isObject()) {
            throw new UnreadableRowException("user_info.raw_profile is not an object");
        }
        Map<String, Object> rawProfile = profile.isObject() ? JSON.convertValue(profile, OBJECT) : null;
        return new UserContext(text(node, "user_id"), text(node, "username"), text(node, "email"), text(node, "name"),
                text(node, "avatar_url"), text(node, "provider"),
                strings(node.path("provider_scopes_granted"), "user_info.provider_scopes_granted"), externalToken,
                rawProfile, strings(node.path("capabilities"), "user_info.capabilities"));
    }

    private static JsonNode parse(String json, String column) throws UnreadableRowException {
        if (json == null) {
            throw new UnreadableRowException(column + " is missing");
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnreadableRowException(column + " is not JSON");
        }
    }

    /** A list of strings; a missing or null value is the empty list (the original MXCP wrote null for none). */
    private static List<String> strings(JsonNode node, String what) throws UnreadableRowException {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new UnreadableRowException(what + " is not a list");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw new UnreadableRowException(what + " holds a value that is not a string");
            }
            values.add(value.asText());
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
