import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SECTIONS = {
  user: { title: 'What users feel', note: 'Each row has its target and whether this run met it. Targets are goals: a missed one is reported, it does not fail the run.' },
  diagnostic: { title: 'Diagnostics (no targets)', note: 'In-process micro measurements that help find where time goes. Their ratios move from run to run on a shared machine; read them as a profile, not a verdict.' },
};

const NOT_YET = [
  '3 · one limit across processes: needs the Redis rate-limit store.',
  '6 · jobs per second: needs the outbox.',
];

const cell = (text) => String(text ?? '').replaceAll('|', '\\|');

/**
 * Collects rows { section: 'user' | 'diagnostic', suite, case, measured,
 * baseline, ratio, target, met, value } and writes latest.json and
 * latest.md. `value` holds the raw numbers behind a row, for the JSON only.
 */
export class Report {
  rows = [];
  meta = {};

  add(row) {
    const complete = { section: 'user', ...row };
    this.rows.push(complete);
    const mark = complete.met === undefined ? ' ' : complete.met ? '✓' : '✗';
    const ratio = complete.ratio === undefined ? '' : ` (ratio ${complete.ratio.toFixed(2)})`;
    console.log(`${mark} ${complete.suite} · ${complete.case}: ${complete.measured}${complete.baseline ? ` vs ${complete.baseline}` : ''}${ratio}${complete.target ? ` target ${complete.target}` : ''}`);
  }

  /** The markdown table of one section's rows (what the README shows for `user`). */
  table(section) {
    const rows = this.rows.filter((r) => r.section === section);
    const withTargets = section === 'user';
    const header = withTargets ? '| row | case | measured | baseline | ratio | target | met |\n| --- | --- | --- | --- | --- | --- | --- |' : '| suite | case | measured | baseline | ratio |\n| --- | --- | --- | --- | --- |';
    const lines = rows.map((r) => {
      const common = `| ${cell(r.suite)} | ${cell(r.case)} | ${cell(r.measured)} | ${cell(r.baseline)} | ${r.ratio === undefined ? '' : r.ratio.toFixed(2)} |`;
      return withTargets ? `${common} ${cell(r.target)} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |` : common;
    });
    return [header, ...lines].join('\n');
  }

  /** One line naming the run: mode, date, machine, Node. */
  heading() {
    const m = this.meta;
    const note = m.note ? ` ${m.note}` : '';
    return `Benchmarks (${m.mode} mode), ${m.date}, commit ${m.commit}, Node ${m.node}, ${m.os}, ${m.cpus}, ${m.memory}; load average (1 / 5 / 15 min) ${m.loadAverage} at the start, ${m.loadAverageAtEnd ?? '?'} at the end; ${m.seconds ?? '?'} s.${note}`;
  }

  markdown() {
    const parts = [this.heading(), ''];
    for (const [section, { title, note }] of Object.entries(SECTIONS)) {
      if (!this.rows.some((r) => r.section === section)) continue;
      parts.push(`## ${title}`, '', note, '', this.table(section), '');
    }
    parts.push('## Not measured yet', '', ...NOT_YET.map((line) => `- ${line}`), '');
    return parts.join('\n');
  }

  write(dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'latest.json'), `${JSON.stringify({ meta: this.meta, rows: this.rows }, null, 2)}\n`);
    writeFileSync(join(dir, 'latest.md'), this.markdown());
  }
}
