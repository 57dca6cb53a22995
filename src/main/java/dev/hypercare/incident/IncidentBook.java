package dev.hypercare.incident;

import dev.hypercare.DurationText;
import dev.hypercare.slo.RuleFinding;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The incidents of the hypercare runner: opened by probes that go down (after flap suppression) and by
 * policy rules that fire, escalated by the playbook's rules as they age, resolved when the cause is gone.
 * At most one incident per {@link IncidentKey key} is open at a time.
 * <p>Every method that changes something returns the {@link IncidentChange}s it made, in a fixed order;
 * the runner journals each snapshot and sends the alerts. Nothing here reads a clock or does I/O: time
 * comes in as arguments, so the same inputs always give the same changes, and {@link #restore} from the
 * journal followed by the same calls gives no change twice.
 * <p>Escalation by {@link #tick}:
 * <ul>
 *   <li>a P1 probe down for {@link IncidentRules#outageToP0()} has its incident raised to P0 ("outage over 5 min");
 *       P2 and P3 probes stand for minor features and never escalate by lasting;
 *   <li>a P0 (or raised P1) probe down for {@link IncidentRules#outageToRollback()} opens {@code probe:<name>/rollback} at P0,
 *       level 2 ("inaccessible for over 15 min");
 *   <li>an open P0 goes up the {@link IncidentRules#p0Escalation() matrix} as it ages since it opened;
 *   <li>an incident that becomes P0 (opened as or raised to) as the {@link IncidentRules#repeatedP0()}-th
 *       within {@link IncidentRules#repeatedP0Window()} goes up one more level. A probe's rollback
 *       recommendation is the same outage as its probe incident and does not count again.
 * </ul>
 * <p>Mutable and not thread-safe: one runner thread owns it.
 */
public final class IncidentBook {
    /** Timeline events. A {@value #RAISED} entry's text starts with the new severity ({@code P0 (was P1): ...}). */
    public static final String OPENED = "opened";
    public static final String RAISED = "raised";
    public static final String ESCALATED = "escalated";
    public static final String RESOLVED = "resolved";

    private static final Pattern ID = Pattern.compile("INC-(\\d{8})-(\\d+)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Comparator<Incident> OPENING = Comparator.comparing(Incident::opened).thenComparing(Incident::id);

    private final IncidentRules rules;
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, String> openIdByKey = new HashMap<>();
    /** When each counted incident became P0, by id: the history behind "3 P0 in 24 h". */
    private final Map<String, Instant> becameP0 = new HashMap<>();
    private final Map<LocalDate, Integer> lastNumberOfDay = new HashMap<>();

    public IncidentBook(IncidentRules rules) {
        this.rules = rules;
    }

    /**
     * Takes back the incidents of the journal: each id's last snapshot is the incident, so an open one stays
     * open (and its probe starts down) and a resolved one stays resolved. Ids continue each day's counter.
     * Repairs come back as changes to journal, so nothing lingers as a zombie: of two open snapshots of one
     * key (never written by this class) the older resolves as a duplicate, and a probe's rollback
     * recommendation whose outage incident is already resolved (a crash between the two) resolves too.
     *
     * @param snapshots every snapshot read from the journal, oldest first (or only the last of each id)
     * @throws IllegalStateException if this book already holds incidents
     */
    public List<IncidentChange> restore(Collection<Incident> snapshots) {
        if (!incidents.isEmpty()) {
            throw new IllegalStateException("restore needs an empty incident book, this one holds " + incidents.size());
        }
        Map<String, Incident> last = new LinkedHashMap<>();
        snapshots.forEach(s -> last.put(s.id(), s));
        List<IncidentChange> changes = new ArrayList<>();
        for (Incident incident : last.values().stream().sorted(OPENING).toList()) {
            incidents.put(incident.id(), incident);
            countNumber(incident.id());
            if (countsAsP0(incident)) {
                p0Since(incident).ifPresent(t -> becameP0.put(incident.id(), t));
            }
            if (incident.isOpen()) {
                String older = openIdByKey.put(incident.key(), incident.id());
                if (older != null) {
                    changes.add(resolve(incidents.get(older), incident.opened(), incident.opened(),
                            "duplicate of " + incident.id() + ", which is open for the same " + incident.key()));
                    openIdByKey.put(incident.key(), incident.id());
                }
            }
        }
        changes.addAll(orphanedRollbacks());
        return List.copyOf(changes);
    }

    /** A probe went down (opens its incident unless one is open) or came back up (resolves it). */
    public List<IncidentChange> probe(ProbeTransition transition) {
        return switch (transition) {
            case ProbeTransition.Down down -> probeDown(down);
            case ProbeTransition.Up up -> probeUp(up);
        };
    }

    /** Escalates open incidents as they age; call it every round, and once right after {@link #restore}. */
    public List<IncidentChange> tick(Instant now) {
        List<IncidentChange> changes = new ArrayList<>();
        for (Incident incident : open()) {
            advance(incident, now, List.of()).ifPresent(changes::add);
            rollbackIfDue(current(incident.id()), now).ifPresent(changes::add);
        }
        // Forget P0s beyond the window, but only resolved ones: an open P0 must never look new again.
        Instant horizon = now.minus(rules.repeatedP0Window());
        becameP0.entrySet().removeIf(e -> e.getValue().isBefore(horizon) && !incidents.get(e.getKey()).isOpen());
        return List.copyOf(changes);
    }

    /**
     * The policy's rollback and escalate rules as just judged: each fired ESCALATE rule keeps an incident
     * {@code rule:<threshold>/escalate} open at P1, level 1; each fired ROLLBACK rule one
     * {@code rule:<threshold>/rollback} at P0, level 2. A rule incident whose rule is not fired in
     * {@code findings} (pass the policy's full list) resolves.
     */
    public List<IncidentChange> rules(List<RuleFinding> findings, Instant now) {
        List<IncidentChange> changes = new ArrayList<>();
        Map<String, RuleFinding> fired = new LinkedHashMap<>();
        Map<String, RuleFinding> quiet = new HashMap<>();
        for (RuleFinding f : findings) {
            String key = switch (f.kind()) {
                case ESCALATE -> IncidentKey.ruleEscalate(f.name());
                case ROLLBACK -> IncidentKey.ruleRollback(f.name());
            };
            (f.fired() ? fired : quiet).putIfAbsent(key, f);
        }
        for (Map.Entry<String, RuleFinding> e : fired.entrySet()) {
            if (!openIdByKey.containsKey(e.getKey())) {
                RuleFinding f = e.getValue();
                String rule = f.name() + " " + f.condition();
                changes.add(switch (f.kind()) {
                    case ESCALATE -> open(e.getKey(), "escalation: " + rule, Severity.P1, EscalationLevel.HYPERCARE_LEAD, now, now, f.explanation());
                    case ROLLBACK -> open(e.getKey(), "rollback recommended: " + rule, Severity.P0, EscalationLevel.ENGINEERING_MANAGER, now, now,
                            f.explanation());
                });
            }
        }
        for (Incident incident : open()) {
            if (IncidentKey.isRule(incident.key()) && !fired.containsKey(incident.key())) {
                RuleFinding f = quiet.get(incident.key());
                changes.add(resolve(incident, now, now, f == null ? "the rule is no longer in the policy" : "no longer fires: " + f.explanation()));
            }
        }
        return List.copyOf(changes);
    }

    /** Resolves the incidents of probes no longer configured (after a restart with a changed probe file), which would never resolve otherwise. */
    public List<IncidentChange> retainProbes(Collection<String> configured, Instant now) {
        Set<String> keep = new HashSet<>(configured);
        List<IncidentChange> changes = new ArrayList<>();
        for (Incident incident : open()) {
            Optional<String> probe = IncidentKey.probeOf(incident.key());
            if (probe.isPresent() && !keep.contains(probe.get())) {
                changes.add(resolve(incident, now, now, "probe " + probe.get() + " is no longer configured"));
            }
        }
        return List.copyOf(changes);
    }

    /** The open incidents, oldest first. */
    public List<Incident> open() {
        return openIdByKey.values().stream().map(incidents::get).sorted(OPENING).toList();
    }

    /** The open incident of {@code key}, if any. */
    public Optional<Incident> open(String key) {
        return Optional.ofNullable(openIdByKey.get(key)).map(incidents::get);
    }

    /** Whether the probe's incident is open: its flap filter then starts down. */
    public boolean isProbeDown(String probe) {
        return openIdByKey.containsKey(IncidentKey.probe(probe));
    }

    /** Every incident open at some time since {@code t} (still open, or resolved at or after it), oldest first. */
    public List<Incident> since(Instant t) {
        return incidents.values().stream()
                .filter(i -> i.resolved().map(r -> !r.isBefore(t)).orElse(true))
                .sorted(OPENING)
                .toList();
    }

    /**
     * A probe's recovery resolves its outage, then its rollback recommendation: a crash between the two
     * journal writes would leave the recommendation open with nothing to ever resolve it.
     */
    private List<IncidentChange> orphanedRollbacks() {
        List<IncidentChange> changes = new ArrayList<>();
        for (Incident rollback : open()) {
            Optional<String> probe = IncidentKey.probeOf(rollback.key());
            if (probe.isEmpty() || !rollback.recommendsRollback() || isProbeDown(probe.get())) {
                continue;
            }
            Optional<Incident> outage = incidents.values().stream()
                    .filter(i -> i.key().equals(IncidentKey.probe(probe.get())) && i.resolved().isPresent())
                    .max(OPENING);
            Instant at = outage.flatMap(Incident::resolved).orElse(rollback.opened());
            Instant decided = outage.map(i -> i.timeline().isEmpty() ? at : i.timeline().getLast().time()).orElse(at);
            changes.add(resolve(rollback, at, decided, outage
                    .map(i -> "probe " + probe.get() + " is up again since " + time(at) + " (" + i.id() + " resolved)")
                    .orElse("probe " + probe.get() + " has no open incident")));
        }
        return changes;
    }

    private List<IncidentChange> probeDown(ProbeTransition.Down down) {
        String key = IncidentKey.probe(down.probe());
        if (openIdByKey.containsKey(key)) {
            return List.of();
        }
        String last = down.reason().text() + (down.detail().isBlank() ? "" : " (" + down.detail().strip() + ")");
        String why = down.failures() + " consecutive failures since " + time(down.since()) + ", the last " + last;
        List<IncidentChange> changes = new ArrayList<>();
        IncidentChange opened = open(key, down.probe() + " failing: " + down.reason().text(), down.severity(),
                EscalationLevel.ON_CALL_ENGINEER, down.since(), down.at(), why);
        changes.add(opened);
        rollbackIfDue(opened.incident(), down.at()).ifPresent(changes::add);
        return List.copyOf(changes);
    }

    private List<IncidentChange> probeUp(ProbeTransition.Up up) {
        List<IncidentChange> changes = new ArrayList<>();
        open(IncidentKey.probe(up.probe())).ifPresent(incident -> {
            Duration down = Duration.between(incident.opened(), max(up.since(), incident.opened()));
            changes.add(resolve(incident, up.since(), up.at(), "up again after " + length(down) + " down: "
                    + up.successes() + " consecutive successes since " + time(up.since())));
        });
        open(IncidentKey.probeRollback(up.probe())).ifPresent(incident ->
                changes.add(resolve(incident, up.since(), up.at(), "probe " + up.probe() + " is up again since " + time(up.since()))));
        return List.copyOf(changes);
    }

    private Optional<IncidentChange> rollbackIfDue(Incident outage, Instant now) {
        if (!outage.isOpen() || !IncidentKey.isProbeOutage(outage.key()) || outage.severity() != Severity.P0) {
            return Optional.empty(); // a P2/P3 probe down is no reason to roll back
        }
        String probe = IncidentKey.probeOf(outage.key()).orElseThrow();
        String key = IncidentKey.probeRollback(probe);
        Duration down = Duration.between(outage.opened(), now);
        if (openIdByKey.containsKey(key) || down.compareTo(rules.outageToRollback()) < 0) {
            return Optional.empty();
        }
        String limit = DurationText.format(rules.outageToRollback());
        return Optional.of(open(key, "rollback recommended: " + probe + " inaccessible for over " + limit, Severity.P0,
                EscalationLevel.ENGINEERING_MANAGER, outage.opened().plus(rules.outageToRollback()), now,
                "down for " + length(down) + " since " + time(outage.opened()) + " (" + outage.id() + ")"));
    }

    private IncidentChange open(String key, String title, Severity severity, EscalationLevel level, Instant opened, Instant now,
            String why) {
        TimelineEntry entry = new TimelineEntry(now, OPENED, severity + ", " + level.describe() + ": " + why);
        Incident incident = new Incident(nextId(opened), key, title, severity, level.level(), opened, Optional.empty(), List.of(entry));
        incidents.put(incident.id(), incident);
        openIdByKey.put(key, incident.id());
        Incident advanced = advance(incident, now, List.of(entry)).map(IncidentChange::incident).orElse(incident);
        return change(IncidentChange.Kind.OPENED, advanced, advanced.timeline());
    }

    /**
     * Applies the escalation rules at {@code now}; records and returns the change if any. {@code earlier} are
     * entries of the same change already made (the opening), so the why covers them too.
     */
    private Optional<IncidentChange> advance(Incident incident, Instant now, List<TimelineEntry> earlier) {
        List<TimelineEntry> added = new ArrayList<>();
        Severity severity = incident.severity();
        int level = incident.escalation();
        Duration age = Duration.between(incident.opened(), now);
        // only a probe that stands for "the service is up" (P1) becomes P0 by lasting: a P2/P3 probe failing
        // for an hour is still a minor feature, not an outage that pages the executive
        if (IncidentKey.isProbeOutage(incident.key()) && severity == Severity.P1 && age.compareTo(rules.outageToP0()) >= 0) {
            added.add(new TimelineEntry(now, RAISED, "P0 (was " + severity + "): outage over "
                    + DurationText.format(rules.outageToP0()) + ", down " + length(age)));
            severity = Severity.P0;
        }
        if (severity == Severity.P0 && countsAsP0(incident) && !becameP0.containsKey(incident.id())) {
            becameP0.put(incident.id(), now);
            Instant horizon = now.minus(rules.repeatedP0Window());
            long recent = becameP0.values().stream().filter(t -> !t.isBefore(horizon) && !t.isAfter(now)).count();
            if (recent >= rules.repeatedP0() && level < EscalationLevel.HIGHEST.level()) {
                level++;
                added.add(new TimelineEntry(now, ESCALATED, EscalationLevel.of(level).describe() + ": " + recent
                        + " P0 incidents within " + DurationText.format(rules.repeatedP0Window())));
            }
        }
        if (severity == Severity.P0) {
            int due = rules.p0LevelAfter(age);
            if (due > level) {
                level = due;
                added.add(new TimelineEntry(now, ESCALATED, EscalationLevel.of(level).describe() + ": P0 unresolved for "
                        + DurationText.format(rules.p0Escalation().get(due - 1))));
            }
        }
        if (added.isEmpty()) {
            return Optional.empty();
        }
        List<TimelineEntry> timeline = new ArrayList<>(incident.timeline());
        timeline.addAll(added);
        Incident escalated = new Incident(incident.id(), incident.key(), incident.title(), severity, level, incident.opened(),
                incident.resolved(), timeline);
        incidents.put(escalated.id(), escalated);
        List<TimelineEntry> why = new ArrayList<>(earlier);
        why.addAll(added);
        return Optional.of(change(IncidentChange.Kind.ESCALATED, escalated, why));
    }

    /** Resolves at {@code at} (never before it opened), decided at {@code now}. */
    private IncidentChange resolve(Incident incident, Instant at, Instant now, String why) {
        List<TimelineEntry> timeline = new ArrayList<>(incident.timeline());
        TimelineEntry entry = new TimelineEntry(now, RESOLVED, why);
        timeline.add(entry);
        Incident resolved = new Incident(incident.id(), incident.key(), incident.title(), incident.severity(), incident.escalation(),
                incident.opened(), Optional.of(max(at, incident.opened())), timeline);
        incidents.put(resolved.id(), resolved);
        openIdByKey.remove(incident.key(), incident.id());
        return change(IncidentChange.Kind.RESOLVED, resolved, List.of(entry));
    }

    private static IncidentChange change(IncidentChange.Kind kind, Incident incident, List<TimelineEntry> entries) {
        String why = entries.stream().map(TimelineEntry::text).collect(Collectors.joining("; "));
        return new IncidentChange(kind, incident, incident.id() + " " + kind.text() + ": " + incident.title() + " — " + why);
    }

    private Incident current(String id) {
        return incidents.get(id);
    }

    /** A probe's rollback recommendation is the same outage as the probe's incident: counted once. */
    private static boolean countsAsP0(Incident incident) {
        return !(incident.recommendsRollback() && IncidentKey.probeOf(incident.key()).isPresent());
    }

    /** When a journaled P0 became P0: its raise to P0, or its opening. */
    private static Optional<Instant> p0Since(Incident incident) {
        if (incident.severity() != Severity.P0) {
            return Optional.empty();
        }
        return incident.timeline().stream().filter(e -> e.event().equals(RAISED) && e.text().startsWith("P0 ")).findFirst()
                .or(() -> incident.timeline().stream().filter(e -> e.event().equals(OPENED)).findFirst())
                .map(TimelineEntry::time)
                .or(() -> Optional.of(incident.opened()));
    }

    private String nextId(Instant opened) {
        LocalDate day = LocalDate.ofInstant(opened, ZoneOffset.UTC);
        String id;
        do {
            int number = lastNumberOfDay.merge(day, 1, Integer::sum);
            id = String.format("INC-%s-%03d", DAY.format(day), number);
        } while (incidents.containsKey(id));
        return id;
    }

    private void countNumber(String id) {
        Matcher m = ID.matcher(id);
        if (m.matches() && m.group(2).length() < 9) {
            LocalDate day = LocalDate.parse(m.group(1), DAY);
            lastNumberOfDay.merge(day, Integer.parseInt(m.group(2)), Math::max);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 45s}, {@code 12m 30s}, {@code 1h 5m}, {@code 3d 2h}: how long something lasted. */
    static String length(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + (s % 60 == 0 ? "" : " " + s % 60 + "s");
        }
        long h = s / 3600;
        if (h < 48) {
            return h + "h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + "m");
        }
        return h / 24 + "d" + (h % 24 == 0 ? "" : " " + h % 24 + "h");
    }
}
