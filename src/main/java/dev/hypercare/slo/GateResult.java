package dev.hypercare.slo;

import java.util.List;
import java.util.Optional;

/** The policy's answer for one source: the verdict, every finding and rule, and why it is inconclusive if it is. */
public record GateResult(
        Verdict verdict,
        List<Finding> findings,
        List<RuleFinding> rules,
        Optional<String> inconclusiveReason) {

    public GateResult {
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }
}
