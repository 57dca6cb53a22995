package dev.hypercare.profile;

/** How {@code --scale} rounds counts: to the nearest whole number, but never to zero from a non-zero count. */
final class Scaling {
    private Scaling() {}

    static int count(int count, double factor) {
        if (count == 0) {
            return 0;
        }
        // Clamped, not wrapped: an absurd --scale then fails validation instead of turning negative.
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, Math.round(count * factor)));
    }
}
