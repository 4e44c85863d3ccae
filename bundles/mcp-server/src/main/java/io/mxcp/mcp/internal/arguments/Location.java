package io.mxcp.mcp.internal.arguments;

/** Where in the arguments a value sits, as pydantic prints it: segments joined by dots ({@code user.tags.0}). */
record Location(Location parent, String segment) {

    static Location of(String parameter) {
        return new Location(null, parameter);
    }

    Location child(String key) {
        return new Location(this, key);
    }

    Location index(int index) {
        return new Location(this, Integer.toString(index));
    }

    @Override
    public String toString() {
        return parent == null ? segment : parent + "." + segment;
    }
}
