package io.mxcp.cli.admin;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The admin API's routes by path and method, each with what {@code /openapi.json} says about it, and how a request
 * becomes a response: an unknown path is 404, a known path with another method 405, a bad query parameter 422, and
 * a route's own failure 500 with {@code "<what failed>: <message>"} (spec 03 reference §4).
 */
final class RouteTable {

    private static final System.Logger LOG = System.getLogger(RouteTable.class.getName());

    /** A route and what it does. */
    private record Entry(Operation operation, Route route) {
    }

    private final Map<String, Map<String, Entry>> routes = new LinkedHashMap<>();

    RouteTable add(String method, String path, Operation operation, Route route) {
        routes.computeIfAbsent(path, key -> new TreeMap<>()).put(method, new Entry(operation, route));
        return this;
    }

    /** Each route's operation by path (in the order added) and method. */
    Map<String, Map<String, Operation>> operations() {
        Map<String, Map<String, Operation>> operations = new LinkedHashMap<>();
        routes.forEach((path, methods) -> methods.forEach((method, entry) ->
                operations.computeIfAbsent(path, key -> new TreeMap<>()).put(method, entry.operation())));
        return operations;
    }

    HttpResponse answer(HttpRequest request) {
        Map<String, Entry> methods = routes.get(request.path());
        if (methods == null) {
            return HttpResponse.error(404, "Not Found");
        }
        Entry entry = methods.get(request.method());
        if (entry == null) {
            return new HttpResponse(405, Map.of("detail", "Method Not Allowed"),
                    Map.of("Allow", String.join(", ", methods.keySet())));
        }
        String failure = entry.operation().failure();
        try {
            return HttpResponse.ok(entry.route().answer(request));
        } catch (InvalidParameterException e) {
            return HttpResponse.error(422, e.errors());
        } catch (InterruptedException e) {
            // the socket is stopping: no error to log, and the worker's interrupt is kept
            Thread.currentThread().interrupt();
            return HttpResponse.error(503, failure + ": the admin socket is stopping");
        } catch (Exception e) {
            LOG.log(Level.ERROR, failure + ": " + e.getMessage(), e);
            return HttpResponse.error(500, failure + ": " + e.getMessage());
        }
    }
}
