package io.mxcp.kernel.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

class OsgiLogMessageTest {

    private static final ServiceReference<?> REFERENCE = (ServiceReference<?>) Proxy.newProxyInstance(
            OsgiLogMessageTest.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
            (proxy, method, args) -> method.getName().equals("toString") ? "a reference" : null);

    @Test
    void placeholdersTakeTheArgumentsInOrderAndEscapesKeepTheBraces() {
        assertEquals("a 1 b [2, 3] c {}", OsgiLogMessage.of(false, "a {} b {} c {}", 1, new Integer[] {2, 3}).text());
        assertEquals("literal {} then x", OsgiLogMessage.of(false, "literal \\{} then {}", "x").text());
        assertEquals("backslash \\x", OsgiLogMessage.of(false, "backslash \\\\{}", "x").text());
        assertEquals("no arguments {}", OsgiLogMessage.of(false, "no arguments {}").text());
        assertEquals("null", OsgiLogMessage.of(false, null).text());
    }

    @Test
    void theLastArgumentsThatAreAnExceptionOrAReferenceBelongToTheEntry() {
        IllegalStateException boom = new IllegalStateException("boom");

        OsgiLogMessage failed = OsgiLogMessage.of(false, "Failed.", boom);
        assertEquals("Failed.", failed.text());
        assertSame(boom, failed.thrown());

        OsgiLogMessage both = OsgiLogMessage.of(false, "Something named {} happened.", "x", REFERENCE, boom);
        assertEquals("Something named x happened.", both.text());
        assertSame(boom, both.thrown());

        OsgiLogMessage referenceTwice = OsgiLogMessage.of(false, "Found service {}.", REFERENCE, REFERENCE);
        assertEquals("Found service a reference.", referenceTwice.text());
        assertNull(referenceTwice.thrown());

        OsgiLogMessage twoExceptions = OsgiLogMessage.of(false, "first {}", new RuntimeException("shown"), boom);
        assertEquals("first java.lang.RuntimeException: shown", twoExceptions.text());
        assertSame(boom, twoExceptions.thrown());
    }

    @Test
    void aFormatterLoggerFormatsPrintfStyleAndSaysWhenItCannot() {
        assertEquals("3 items in 0.50 s", OsgiLogMessage.of(true, "%d items in %.2f s", 3, 0.5).text());
        assertEquals("the log message \"%d items\" could not be formatted with [three]: d != java.lang.String",
                OsgiLogMessage.of(true, "%d items", "three").text());
    }

    @Test
    void anExceptionIsSummedUpOnOneLineWithItsCauses() {
        Exception wrapped = new IllegalStateException("outer", new ClassNotFoundException("com.example.Missing"));
        assertEquals("java.lang.IllegalStateException: outer; caused by java.lang.ClassNotFoundException: "
                + "com.example.Missing", OsgiLogMessage.summary(wrapped));
    }
}
