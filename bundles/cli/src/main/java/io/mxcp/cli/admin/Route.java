package io.mxcp.cli.admin;

/** One route of the admin API: the JSON-ready body of a 200 answer. */
@FunctionalInterface
interface Route {

    /**
     * @throws InvalidParameterException for a query parameter the route cannot use (422)
     * @throws Exception                  any other failure (500, named by the route table)
     */
    Object answer(HttpRequest request) throws Exception;
}
