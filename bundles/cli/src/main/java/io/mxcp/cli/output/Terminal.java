package io.mxcp.cli.output;

import java.io.PrintStream;
import java.util.Map;

import io.mxcp.kernel.api.CommandStreams;

/**
 * Where human output goes, and whether it may be coloured: only on a terminal, and never when {@code NO_COLOR}
 * is set to a non-empty value (no-color.org).
 */
public final class Terminal {

    private static final String RESET = "\u001B[0m";

    private final CommandStreams streams;
    private final boolean colours;

    public Terminal(CommandStreams streams, Map<String, String> environment) {
        this.streams = streams;
        String noColor = environment.get("NO_COLOR");
        this.colours = streams.interactive() && (noColor == null || noColor.isEmpty());
    }

    public PrintStream out() {
        return streams.out();
    }

    public PrintStream err() {
        return streams.err();
    }

    public boolean colours() {
        return colours;
    }

    public String heading(String text) {
        return paint("\u001B[1;36m", text);
    }

    public String success(String text) {
        return paint("\u001B[32m", text);
    }

    public String failure(String text) {
        return paint("\u001B[31m", text);
    }

    public String warning(String text) {
        return paint("\u001B[33m", text);
    }

    public String emphasis(String text) {
        return paint("\u001B[1m", text);
    }

    public String muted(String text) {
        return paint("\u001B[2m", text);
    }

    private String paint(String code, String text) {
        return colours ? code + text + RESET : text;
    }
}
