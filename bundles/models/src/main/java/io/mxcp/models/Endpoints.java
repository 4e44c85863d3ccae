package io.mxcp.models;

import java.net.URI;

/** A model API's URLs: the configured {@code base_url} (or the public one) with a path appended. */
public final class Endpoints {

    private Endpoints() {
    }

    /** {@code base} + {@code path}, with exactly one {@code /} between them. */
    public static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }
}
