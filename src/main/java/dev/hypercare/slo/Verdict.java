package dev.hypercare.slo;

/**
 * The answer to "go or no-go?", in the launch playbooks' language and colours, with the process exit
 * code CI gates on. Precedence: ROLLBACK if any rollback rule fires; else NO-GO if any FAIL; else
 * INCONCLUSIVE if a key metric has NO_DATA (or the injector failed); else GO-WITH-RISKS if any WARN;
 * else GO.
 */
public enum Verdict {
    GO("GO", "GREEN", 0),
    GO_WITH_RISKS("GO-WITH-RISKS", "AMBER", 0),
    NO_GO("NO-GO", "RED", 1),
    ROLLBACK("ROLLBACK", "RED", 1),
    INCONCLUSIVE("INCONCLUSIVE", "GREY", 3);

    private final String label;
    private final String colour;
    private final int exitCode;

    Verdict(String label, String colour, int exitCode) {
        this.label = label;
        this.colour = colour;
        this.exitCode = exitCode;
    }

    public String label() {
        return label;
    }

    /** GREEN, AMBER or RED as the seeds' status reports use them; GREY when nothing can be said. */
    public String colour() {
        return colour;
    }

    /** 0 GO, 1 NO-GO/ROLLBACK, 3 INCONCLUSIVE; with {@code failOnWarn}, GO-WITH-RISKS exits 1. */
    public int exitCode(boolean failOnWarn) {
        return this == GO_WITH_RISKS && failOnWarn ? 1 : exitCode;
    }
}
