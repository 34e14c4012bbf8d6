import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SECTIONS = {
  user: {
    title: 'What users feel',
    note: 'Each row has its target and whether this run met it. Targets are goals: a missed one is reported, it does not fail the run.',
  },
  diagnostic: {
    title: 'Diagnostics (no targets)',
    note: 'In-process micro measurements that help find where time goes. Their ratios move from run to run on a shared machine; read them as a profile, not a verdict.',
  },
};

const cell = (text) => String(text ?? '').replaceAll('|', '\\|');

/**
 * The line printed as a row is measured. A missed target is information
 * (targets are goals, and the run does not fail on them), so it is not
 * marked like a failure: only a met target gets a mark (✓), and a missed
 * one says "missed" in plain words after its target.
 */
export function progressLine(row) {
  const mark = row.met === true ? '✓' : ' ';
  const ratio = row.ratio === undefined ? '' : ` (ratio ${row.ratio.toFixed(2)})`;
  const target = row.target ? ` target ${row.target}${row.met === false ? ' (missed: information, not a failure)' : ''}` : '';
  return `${mark} ${row.suite} · ${row.case}: ${row.measured}${row.baseline ? ` vs ${row.baseline}` : ''}${ratio}${target}`;
}

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
    console.log(progressLine(complete));
  }

  /** The markdown table of one section's rows (what the README shows for `user`). */
  table(section) {
    const rows = this.rows.filter((r) => r.section === section);
    const withTargets = section === 'user';
    const header = withTargets
      ? '| row | case | measured | baseline | ratio | target | met |\n| --- | --- | --- | --- | --- | --- | --- |'
      : '| suite | case | measured | baseline | ratio |\n| --- | --- | --- | --- | --- |';
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
    return parts.join('\n');
  }

  write(dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'latest.json'), `${JSON.stringify({ meta: this.meta, rows: this.rows }, null, 2)}\n`);
    writeFileSync(join(dir, 'latest.md'), this.markdown());
  }
}
