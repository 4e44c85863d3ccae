package io.mxcp.cli.admin.host;

/** Network traffic since boot, summed over the interfaces counted; all 0 where the system does not tell. */
public record NetworkCounters(long bytesSent, long bytesReceived, long packetsSent, long packetsReceived,
        long errorsIn, long errorsOut, long dropsIn, long dropsOut) {

    static final NetworkCounters NONE = new NetworkCounters(0, 0, 0, 0, 0, 0, 0, 0);

    NetworkCounters plus(NetworkCounters other) {
        return new NetworkCounters(bytesSent + other.bytesSent, bytesReceived + other.bytesReceived,
                packetsSent + other.packetsSent, packetsReceived + other.packetsReceived, errorsIn + other.errorsIn,
                errorsOut + other.errorsOut, dropsIn + other.dropsIn, dropsOut + other.dropsOut);
    }
}
