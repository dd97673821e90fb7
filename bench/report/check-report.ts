import { LATENCY_WORKLOADS, PRODUCTS, type BenchReport } from './bench-report.js';

/**
 * What makes a report unusable, for the CI smoke run: a system that did not start, a workload that
 * threw, an empty or flagged cell, a target that could not be judged, a table whose rows do not
 * match its header. Speeds are never judged here: a 2-core CI machine is too noisy for that.
 */
export function checkReport(report: BenchReport, markdown: string): string[] {
  const defects: string[] = [...report.problems];
  for (const row of report.rows) {
    for (const product of PRODUCTS) {
      const cell = row.cells[product];
      if (!cell) defects.push(`${row.title}: no figure for ${product}`);
      else if (!Number.isFinite(cell.value) || cell.value <= 0)
        defects.push(`${row.title}: ${cell.system} has no positive figure (${cell.value})`);
      else if (cell.problem) defects.push(`${row.title}: ${cell.system}: ${cell.problem}`);
    }
  }
  for (const target of report.targets) {
    if (target.met === undefined) defects.push(`target not judged: ${target.text}`);
  }
  for (const d of report.disk) {
    if (d.writes <= 0 || !Number.isFinite(d.p99) || !(d.max >= d.p99 && d.p99 >= d.p50))
      defects.push(`disk probe ${d.system} ${d.when}: not a well-formed measurement`);
  }
  const latencySystems = report.rows
    .filter((r) => LATENCY_WORKLOADS.has(r.key))
    .flatMap((r) => Object.values(r.cells).map((c) => c.system));
  for (const system of new Set(latencySystems)) {
    if (!report.disk.some((d) => d.system === system))
      defects.push(`no disk probe around ${system}'s latency workloads`);
  }
  defects.push(...checkTables(markdown));
  if (!markdown.includes('| workload |')) defects.push('the markdown has no results table');
  return defects;
}

/** Every markdown table's rows have as many cells as its header. */
function checkTables(markdown: string): string[] {
  const defects: string[] = [];
  let columns = 0;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      columns = 0;
      continue;
    }
    const cells = line.split('|').length - 2;
    if (columns === 0) columns = cells;
    else if (cells !== columns)
      defects.push(`table row has ${cells} cells, not ${columns}: ${line}`);
  }
  return defects;
}
