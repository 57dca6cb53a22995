package dev.hypercare.load;

/** A finished load run: its directory and whether Gatling left results to judge. */
public record LoadResult(RunDirectory run, RunManifest manifest, boolean hasResults) {}
