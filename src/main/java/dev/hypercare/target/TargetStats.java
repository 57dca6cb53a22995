package dev.hypercare.target;

/**
 * A snapshot of what the target has served, as {@code GET /admin/stats} reports it.
 *
 * @param httpRequests         public HTTP requests received (admin requests not counted)
 * @param webSocketConnections WebSocket connections open now
 * @param webSocketMessagesIn  WebSocket messages received from clients
 * @param broadcastsSent       broadcast messages sent, one per subscriber per tick
 */
public record TargetStats(long httpRequests, long webSocketConnections, long webSocketMessagesIn, long broadcastsSent) {}
