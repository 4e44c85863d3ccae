package io.mxcp.kernel.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.log.FormatterLogger;
import org.osgi.service.log.LoggerFactory;

class OsgiLoggersTest {

    private static final Bundle SCR = bundle("org.apache.felix.scr");
    private static final Bundle PLUGIN = bundle("com.example.plugin");

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger root = Logger.getLogger("");
    private Level rootLevel;

    @BeforeEach
    void capture() {
        rootLevel = root.getLevel();
        root.addHandler(capture);
    }

    @AfterEach
    void release() {
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    private static Bundle bundle(String symbolicName) {
        return (Bundle) Proxy.newProxyInstance(OsgiLoggersTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName", "toString" -> symbolicName;
                    case "hashCode" -> symbolicName.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    /** The errors logged, each as {@code <bundle it was logged for>: <line>}. */
    private final List<String> errors = new CopyOnWriteArrayList<>();

    private LoggerFactory factoryFor(Bundle asking) {
        return OsgiLoggers.serviceFactory((bundle, error) -> errors.add(bundle + ": " + error)).getService(asking,
                null);
    }

    @Test
    void aLoggerForAnotherBundleWritesUnderTheAskingBundleAndShowsTheExceptionOnItsLine() {
        root.setLevel(Level.WARNING);
        org.osgi.service.log.Logger logger = factoryFor(SCR).getLogger(PLUGIN, "com.example.Missing",
                org.osgi.service.log.Logger.class);
        assertEquals("com.example.Missing", logger.getName());

        logger.error("bundle {} : Could not load implementation object class {}", "com.example.plugin:1.0.0",
                "com.example.Missing", new ClassNotFoundException("com.example.Missing not found"));
        logger.debug("not shown at warning level");

        assertEquals(1, records.size(), records.toString());
        LogRecord record = records.getFirst();
        assertEquals("org.apache.felix.scr", record.getLoggerName());
        assertEquals(Level.SEVERE, record.getLevel());
        assertEquals("bundle com.example.plugin:1.0.0 : Could not load implementation object class com.example.Missing"
                + ": java.lang.ClassNotFoundException: com.example.Missing not found", record.getMessage());
        assertNull(record.getThrown(), "no stack trace without --debug");
        assertEquals(List.of("com.example.plugin: " + record.getMessage()), errors,
                "the error is told for the component's bundle, for the deployer to say why it cannot serve");
    }

    @Test
    void aFailureTheRuntimeReportsFromSeveralPlacesAtOnceIsWrittenOnce() {
        root.setLevel(Level.WARNING);
        LoggerFactory factory = factoryFor(SCR);
        for (int i = 0; i < 3; i++) {
            factory.getLogger(PLUGIN, "com.example.Missing", org.osgi.service.log.Logger.class)
                    .error("bundle com.example.plugin:1.0.0 : Could not load implementation object class x");
        }
        factory.getLogger("other").error("another failure");
        factory.getLogger(PLUGIN, "com.example.Missing", org.osgi.service.log.Logger.class)
                .error("bundle com.example.plugin:1.0.0 : Could not load implementation object class x");

        assertEquals(List.of("bundle com.example.plugin:1.0.0 : Could not load implementation object class x",
                "another failure", "bundle com.example.plugin:1.0.0 : Could not load implementation object class x"),
                records.stream().map(LogRecord::getMessage).toList(), "only a line right after itself is left out");
        assertEquals(5, errors.size(), "every error still tells the deployer");
    }

    @Test
    void underDebugTheStackTraceComesWithTheMessage() {
        root.setLevel(Level.FINE);
        IllegalStateException boom = new IllegalStateException("boom");
        factoryFor(PLUGIN).getLogger("com.example.plugin.Work").warn("it failed", boom);

        LogRecord record = records.getFirst();
        assertEquals("com.example.plugin.Work", record.getLoggerName(), "a bundle's own logger keeps its name");
        assertEquals("it failed", record.getMessage());
        assertSame(boom, record.getThrown());
    }

    @Test
    void unnamedLoggersAreTheirBundlesAndFormatterLoggersFormatPrintfStyle() {
        root.setLevel(Level.INFO);
        FormatterLogger logger = factoryFor(PLUGIN).getLogger((String) null, FormatterLogger.class);
        logger.info("%d rows", 3);
        logger.audit("audited");
        logger.warn("%s of %s", "one", "two");
        logger.info(each -> each.info("from a consumer"));
        logger.debug(each -> each.debug("never called at info level"));

        assertEquals(List.of("com.example.plugin: 3 rows", "com.example.plugin: audited",
                "com.example.plugin: one of two", "com.example.plugin: from a consumer"), records.stream()
                .map(record -> record.getLoggerName() + ": " + record.getMessage()).toList());
        assertTrue(logger.isInfoEnabled() && logger.isWarnEnabled() && !logger.isDebugEnabled());
        assertEquals(logger, logger);
        assertThrows(IllegalArgumentException.class, () -> factoryFor(PLUGIN).getLogger("x", CustomLogger.class));
    }

    private interface CustomLogger extends org.osgi.service.log.Logger {
    }
}
