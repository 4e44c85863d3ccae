package io.mxcp.cli.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Locale;

import io.mxcp.cli.output.Terminal;
import io.mxcp.kernel.api.CommandStreams;

/** Yes/no questions on the terminal; the default answer is No, and end of input counts as No. */
final class Confirmation {

    private final CommandStreams streams;
    private final Terminal terminal;
    private BufferedReader reader;

    Confirmation(CommandStreams streams, Terminal terminal) {
        this.streams = streams;
        this.terminal = terminal;
    }

    boolean ask(String question) throws IOException {
        terminal.out().print(question + " [y/N]: ");
        terminal.out().flush();
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(streams.in(), Charset.defaultCharset()));
        }
        String answer = reader.readLine();
        return answer != null && switch (answer.strip().toLowerCase(Locale.ROOT)) {
            case "y", "yes" -> true;
            default -> false;
        };
    }
}
