package dev.hypercare.load;

import java.util.Optional;

/**
 * A finished load run: its directory, its manifest, and why it cannot be judged, if it cannot: the
 * injector crashed, overran its deadline or left no results. Such a run says nothing about the target.
 */
public record LoadResult(RunDirectory run, RunManifest manifest, Optional<String> injectorFailure) {}
