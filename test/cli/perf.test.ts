import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import { startStandaloneProcess, type StandaloneProcess } from '../../deploy/local/strata-roles.js';
import { runStrata } from '../harness/run-strata.js';
import { makeTempDir } from '../harness/temp-dir.js';

interface Summary {
  messages: number;
  bytes: number;
  durationSeconds: number;
  msgPerSec: number;
  mbPerSec: number;
  latencyMs: Record<'p50' | 'p95' | 'p99' | 'p999' | 'max' | 'mean', number>;
  errors: number;
}

function expectSaneSummary(summary: Summary): void {
  for (const value of Object.values(summary.latencyMs)) {
    expect(typeof value).toBe('number');
    expect(value).toBeGreaterThanOrEqual(0);
  }
  const l = summary.latencyMs;
  expect(l.p50).toBeLessThanOrEqual(l.p99);
  expect(l.p99).toBeLessThanOrEqual(l.p999);
  expect(l.p999).toBeLessThanOrEqual(l.max);
  expect(summary.durationSeconds).toBeGreaterThan(0);
  expect(summary.msgPerSec).toBeGreaterThan(0);
}

const liveLines = (text: string, label: string) =>
  text.split('\n').filter((line) => line.startsWith(`${label}: `) && line.includes('msg/s'));

describe('strata perf', () => {
  const group = new ProcessGroup();
  let standalone: StandaloneProcess;
  let removeDir: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const dir = await makeTempDir('perf');
    removeDir = dir.remove;
    standalone = await startStandaloneProcess(group, { dataDir: dir.path });
  });

  afterAll(async () => {
    await group.stopAll();
    await removeDir();
  });

  it('produces for a duration with live lines and a JSON summary, then consumes it all', async () => {
    const produced = await runStrata([
      'perf',
      'produce',
      'perf-topic',
      '--service-url',
      standalone.serviceUrl,
      '--duration',
      '3',
      '-s',
      '1KiB',
      '--json',
    ]);
    expect(produced.code, produced.stderr).toBe(0);
    // A live line each second, on stderr since stdout carries the JSON.
    expect(liveLines(produced.stderr, 'produce').length).toBeGreaterThanOrEqual(2);
    const summary = JSON.parse(produced.stdout.trim()) as Summary;
    expect(summary.messages).toBeGreaterThan(0);
    expect(summary.bytes).toBe(summary.messages * 1024);
    expect(summary.errors).toBe(0);
    expectSaneSummary(summary);

    const consumed = await runStrata([
      'perf',
      'consume',
      'perf-topic',
      '--service-url',
      standalone.serviceUrl,
      '-s',
      'sub',
      '--earliest',
      '-n',
      String(summary.messages),
      '--json',
    ]);
    expect(consumed.code, consumed.stderr).toBe(0);
    const received = JSON.parse(consumed.stdout.trim()) as Summary;
    expect(received.messages).toBe(summary.messages);
    expect(received.bytes).toBe(summary.bytes);
    expectSaneSummary(received);
  });

  it('stops on Ctrl-C with a human summary and a clean exit', async () => {
    const result = await runStrata(
      [
        'perf',
        'produce',
        'perf-interrupted',
        '--service-url',
        standalone.serviceUrl,
        '--rate',
        '200',
      ],
      { interruptAfterMs: 2_500 },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(liveLines(result.stdout, 'produce').length).toBeGreaterThanOrEqual(1);
    expect(result.stdout).toMatch(/produce summary:/);
    expect(result.stdout).toMatch(/errors +0/);
  });

  it('rejects a bad option value with one line on stderr and a non-zero exit', async () => {
    const result = await runStrata([
      'perf',
      'produce',
      'perf-topic',
      '--service-url',
      standalone.serviceUrl,
      '--rate',
      'abc',
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/--rate/);
  });
});
