package dev.hypercare.load;

/**
 * The names requests carry in simulation.log and in every report. They are part of the product's
 * interface: policies scope thresholds by them and runs are compared by them, so change them only
 * with a migration note. WebSocket names all start with {@value #WS_PREFIX}.
 */
public final class RequestNames {
    public static final String LANDING = "landing page";
    public static final String LOGIN = "login";
    public static final String TASKS_LIST = "tasks: list";
    public static final String TASKS_GET = "tasks: get";
    public static final String TASKS_CREATE = "tasks: create";
    public static final String HEALTH_LIVE = "health: live";
    public static final String HEALTH_READY = "health: ready";
    public static final String HEALTH_COMBINED = "health: combined";

    public static final String WS_PREFIX = "ws: ";
    public static final String WS_CONNECT = "ws: connect";
    public static final String WS_SUBSCRIBE = "ws: subscribe";
    public static final String WS_SUBSCRIBED = "ws: subscribed";
    public static final String WS_BROADCAST = "ws: broadcast";
    public static final String WS_HEARTBEAT = "ws: heartbeat";
    public static final String WS_HEARTBEAT_ACK = "ws: heartbeat ack";
    public static final String WS_RECONNECT = "ws: reconnect";
    public static final String WS_RESUBSCRIBE = "ws: resubscribe";
    public static final String WS_RESUBSCRIBED = "ws: resubscribed";
    public static final String WS_CLOSE = "ws: close";
    /**
     * Closing a socket after a failed heartbeat. The failure is already counted on the heartbeat; a KO
     * here only says the socket had broken before it could be closed, so gates leave this name out.
     */
    public static final String WS_DISCARD = "ws: discard";

    private RequestNames() {}

    public static boolean isWebSocket(String requestName) {
        return requestName.startsWith(WS_PREFIX);
    }
}
