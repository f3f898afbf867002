import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = resolve(process.cwd(), 'scripts/sourcelight.mjs');
const dir = mkdtempSync(join(tmpdir(), 'sourcelight-cli-'));

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 30_000 });
}

describe('sourcelight annotate (CLI)', () => {
  const text = 'Speaking on condition of anonymity, U.S. officials said investigators have connected North Korea to the attack.\n\nSony declined to comment.\n';
  const file = join(dir, 'article.txt');
  writeFileSync(file, text);

  it('prints one JSON object for a .txt file, with offsets into the file text', () => {
    const r = run(['annotate', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe(1);
    expect(out.isArticle).toBe(true);
    expect(out.text).toBe(text);
    expect(out.claims.map((c: { kind: string }) => c.kind)).toEqual(['anonymous', 'non-response']);
    const c = out.claims[0];
    expect(text.slice(c.cue.start, c.cue.end)).toBe('said');
    expect(c.marker.text).toBe('Speaking on condition of anonymity');
    expect(out.counts).toEqual({ named: 0, anonymous: 1, vague: 0, 'non-response': 1 });
  });

  it('prints JSON Lines with a file field for several inputs, in order', () => {
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'Critics say the plan is too costly.');
    const r = run(['annotate', '--json', file, other]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual([file, other]);
    expect(lines[1].claims[0].kind).toBe('vague');
  });

  it('reads standard input; empty input is not an error', () => {
    const r = run(['annotate', '-', '--json'], '');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ isArticle: false, claims: [] });
  });

  it('prints a readable report without --json', () => {
    const r = run(['annotate', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('[anonymous] U.S. officials');
    expect(r.stdout).toContain('marker:  Speaking on condition of anonymity');
  });

  it('reports a missing file on stderr with a non-zero exit', () => {
    const r = run(['annotate', join(dir, 'missing.txt'), '--json']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('cannot read');
  });

  it('rejects a wrong command with usage', () => {
    const r = run(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage:');
  });
});
