package io.mxcp.cli.admin;

/**
 * The routes describing the API: {@code GET /openapi.json} (OpenAPI 3.1, from the route table) and {@code /docs}
 * (an HTML page of the same). Added last, they describe every route, themselves included.
 */
final class DocsRoutes {

    private static final String FAILURE = "Failed to describe the API";

    void addTo(RouteTable table) {
        table.add("GET", "/openapi.json", Operation.json("Get this API's OpenAPI document", FAILURE,
                JsonSchema.anyObject("An OpenAPI 3.1 document")), request -> OpenApiDocument.of(table))
                .add("GET", "/docs", Operation.html("Read this API's documentation", FAILURE),
                        request -> DocsPage.of(OpenApiDocument.of(table)));
    }
}
