package dev.hypercare.profile;

/** Who breaks the sockets in a reconnect storm. */
public enum StormTrigger {
    /** The target drops every socket (the embedded target's admin API), like a crashed or redeployed pod. */
    target,
    /** Every session closes its own socket at once, like a network blip on the clients' side. */
    client
}
