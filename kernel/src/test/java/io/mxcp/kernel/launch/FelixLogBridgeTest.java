package io.mxcp.kernel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class FelixLogBridgeTest {

    @Test
    void theFrameworksComplaintsAfterAStopUnderTheCommandAreDebugOnly() {
        List<Level> levels = new CopyOnWriteArrayList<>();
        Logger felix = Logger.getLogger("org.apache.felix.framework");
        Level before = felix.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                levels.add(record.getLevel());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        felix.setLevel(Level.ALL);
        felix.addHandler(capture);
        try {
            FelixLogBridge bridge = new FelixLogBridge(false);
            bridge.log(org.apache.felix.framework.Logger.LOG_ERROR, "JarContent: Unable to read bytes");
            bridge.stoppedUnderCommand();
            bridge.log(org.apache.felix.framework.Logger.LOG_ERROR, "JarContent: Unable to read bytes");
            assertEquals(List.of(Level.SEVERE, Level.FINE), levels);
        } finally {
            felix.removeHandler(capture);
            felix.setLevel(before);
        }
    }
}
