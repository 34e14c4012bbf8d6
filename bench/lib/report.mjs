import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Collects rows { suite, case, measured, baseline, ratio, target, met, note }
 * and writes bench/results/latest.json and latest.md.
 */
export class Report {
  rows = [];
  meta = {};

  add(row) {
    this.rows.push(row);
    const mark = row.met === undefined ? ' ' : row.met ? '✓' : '✗';
    console.log(`${mark} ${row.suite} · ${row.case}: ${row.measured}${row.baseline ? ` vs ${row.baseline}` : ''}${row.ratio !== undefined ? ` (ratio ${row.ratio.toFixed(2)})` : ''}${row.target ? ` target ${row.target}` : ''}`);
  }

  markdown() {
    const lines = [
      `Benchmarks (${this.meta.mode} mode), ${this.meta.date}, Node ${this.meta.node}, ${this.meta.cpus}. Medians of repeated runs; ratios taken side by side in the same process.`,
      '',
      '| suite | case | wamux | baseline | ratio | target | met |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...this.rows.map((r) => `| ${r.suite} | ${r.case} | ${r.measured} | ${r.baseline ?? ''} | ${r.ratio === undefined ? '' : r.ratio.toFixed(2)} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`),
    ];
    return `${lines.join('\n')}\n`;
  }

  write(dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'latest.json'), `${JSON.stringify({ meta: this.meta, rows: this.rows }, null, 2)}\n`);
    writeFileSync(join(dir, 'latest.md'), this.markdown());
  }
}
