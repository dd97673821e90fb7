import type { CheckReport, MessageRef, RecordedMessageId } from './history.js';

/**
 * Renders a checker report for a person: a verdict first, then one section per concern with its
 * counts and examples, so a failed chaos run says what broke without opening the JSON.
 */
export function formatReport(report: CheckReport): string {
  const out: string[] = [];
  const section = (title: string, verdict: 'ok' | 'FAIL' | 'info', lines: string[]) => {
    out.push('', `## ${title}: ${verdict}`, ...lines.map((l) => `  ${l}`));
  };
  const verdict = (count: number) => (count === 0 ? 'ok' : 'FAIL');
  const examples = (count: number, list: string[]) =>
    list.length < count ? [...list, `… and ${count - list.length} more`] : list;

  out.push(`chaos check: ${report.ok ? 'OK' : 'FAILED'}`);
  out.push(
    `sent ${report.sent} (acked ${report.acked}, failed ${report.failed}, in flight ${report.inFlight}),` +
      ` received ${report.received}`,
  );

  const bySub = Object.entries(report.lost.bySubscription).map(([s, n]) => `${s}: ${n}`);
  section('LOST (acked, never received by a subscription)', verdict(report.lost.count), [
    `${report.lost.count} lost${bySub.length ? ` (${bySub.join(', ')})` : ''}`,
    ...examples(
      report.lost.count,
      report.lost.examples.map(
        (e) =>
          `[${e.subscription}] ${ref(e)}${e.id ? ` at ${id(e.id)}` : ''}` +
          `${e.ackedAtMs !== undefined ? `, acked at ${e.ackedAtMs}` : ''}`,
      ),
    ),
  ]);

  section(
    'ORDER VIOLATION (first receptions per producer and key must rise)',
    verdict(report.orderViolations.count),
    [
      `${report.orderViolations.count} violations (checked for key_shared, failover, exclusive)`,
      ...examples(
        report.orderViolations.count,
        report.orderViolations.examples.map(
          (e) =>
            `[${e.subscription} ${e.type}] ${ref(e)} first received after seq ${e.afterSeq}` +
            ` by ${e.consumer} at ${e.receivedAtMs}`,
        ),
      ),
    ],
  );

  const d = report.duplicates;
  section('DUPLICATES (allowed, reported)', 'info', [
    `${d.total} duplicates: ${d.explained} explained (${d.explainedByRedelivery} by redelivery,` +
      ` ${d.explainedByFault} by a fault), ${d.unexplained} unexplained,` +
      ` ${d.atNewPosition} stored twice (other message id)`,
    ...Object.entries(d.bySubscription).map(
      ([s, b]) =>
        `[${s} ${b.type}] ${b.total} total, ${b.explained} explained, ${b.unexplained} unexplained,` +
        ` ${b.atNewPosition} stored twice`,
    ),
    ...d.byFault
      .filter((f) => f.duplicates > 0)
      .map((f) => `fault ${f.kind} ${f.target} [${f.startMs}, ${f.endMs}]: ${f.duplicates}`),
    ...examples(
      d.unexplained,
      d.unexplainedExamples.map(
        (e) =>
          `unexplained: [${e.subscription}] ${ref(e)} at ${id(e.id)} (first at ${id(e.firstId)})` +
          ` by ${e.consumer} at ${e.receivedAtMs}`,
      ),
    ),
  ]);

  section('PHANTOMS (received, never acked)', verdict(report.phantoms.count), [
    `${report.phantoms.count} phantoms; ${report.inFlightSeen} received sends that were in flight` +
      ' at a crash or failed retriably (allowed)',
    ...examples(
      report.phantoms.count,
      report.phantoms.examples.map(
        (e) =>
          `[${e.subscription}] ${ref(e)} at ${id(e.id)}: ${e.reason}` +
          `${e.failureCode ? ` (${e.failureCode})` : ''}`,
      ),
    ),
  ]);

  section(
    'ZOMBIE WRITES (stored past a fenced end after the fence)',
    verdict(report.zombieWrites.count),
    [
      `${report.zombieWrites.count} zombie entries; ${report.unconfirmedLeftovers} unconfirmed` +
        ' leftovers stamped before the fence (allowed)',
      ...examples(
        report.zombieWrites.count,
        report.zombieWrites.examples.map(
          (z) =>
            `ledger ${z.ledgerId} entry ${z.entryId} (closed at ${z.lastEntryId}) on` +
            ` ${z.nodeIds.join(', ')}: stamped ${z.publishTimeMs}, fenced ${z.fencedAtMs}`,
        ),
      ),
    ],
  );

  section('READ PAST THE END (delivered beyond a fenced end)', verdict(report.readPastEnd.count), [
    `${report.readPastEnd.count} deliveries`,
    ...examples(
      report.readPastEnd.count,
      report.readPastEnd.examples.map(
        (e) => `[${e.subscription}] ${ref(e)} at ${id(e.id)}, ledger closed at ${e.lastEntryId}`,
      ),
    ),
  ]);

  const l = report.endToEndLatencyMs;
  section('END-TO-END LATENCY (first receptions)', 'info', [
    `${l.count} messages: p50 ${l.p50} ms, p99 ${l.p99} ms, p99.9 ${l.p999} ms, max ${l.max} ms`,
  ]);
  if (report.warnings.length > 0) section('WARNINGS', 'info', report.warnings);
  return out.join('\n') + '\n';
}

function ref(m: MessageRef): string {
  return `${m.topic} producer=${m.producer} key=${JSON.stringify(m.key)} seq=${m.seq}`;
}

function id(m: RecordedMessageId): string {
  return `${m.ledgerId}:${m.entryId}:${m.partition}:${m.batchIndex}`;
}
