package dev.hypercare.slo;

/** A metric's value over a window and the number of samples it rests on; zero samples means no value. */
public record Measurement(double value, long samples, Window window) {
    public static Measurement none(Window window) {
        return new Measurement(Double.NaN, 0, window);
    }

    public boolean hasData() {
        return samples > 0 && !Double.isNaN(value);
    }
}
