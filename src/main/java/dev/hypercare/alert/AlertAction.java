package dev.hypercare.alert;

/** What an alert asks of the receiver: open (or update) the alert of its dedup key, or close it. */
public enum AlertAction {
    TRIGGER, RESOLVE;

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
