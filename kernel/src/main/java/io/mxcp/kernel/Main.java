package io.mxcp.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import io.mxcp.kernel.launch.KernelLauncher;
import io.mxcp.kernel.launch.StandardOutput;

/** {@code bin/mxcp}'s entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream stdout = StandardOutput.of(System.out);
        PrintStream stderr = System.err;
        // standard output carries command results and the stdio protocol only: anything else printed goes to stderr
        System.setOut(stderr);
        List<String> arguments = Arrays.asList(args);
        KernelLauncher launcher = new KernelLauncher(stdout, stderr);
        launcher.exit(launcher.run(arguments));
    }
}
