// The performance goals (docs/performance.md), evaluated on one run's results, the Markdown summary, and the CI
// comparison with the committed baseline (ratios only: absolutes move ±50 % on a shared machine).

const fmt = (value, digits = 2) =>
  value === undefined || value === null || Number.isNaN(value)
    ? '—'
    : Number(value).toLocaleString('en-US', { maximumFractionDigits: digits });

function largestScale(results) {
  return Math.max(...Object.keys(results.scales).map(Number));
}

function smallestScale(results) {
  return Math.min(...Object.keys(results.scales).map(Number));
}

/**
 * Each goal: a stable id, what it measures, the target, and `value` (the ratio or figure compared
 * with the target). `ratio: true` marks the same-run ratios bench:ci compares with its baseline;
 * `higherIsBetter` the ones where a larger value is the better one.
 */
function goal(
  id,
  label,
  target,
  compute,
  { higherIsBetter = false, ratio = true, unit = '×' } = {},
) {
  return {
    id,
    evaluate(results) {
      const computed = compute(results);
      if (!computed || computed.value === undefined || Number.isNaN(computed.value)) {
        return undefined;
      }
      const pass = higherIsBetter ? computed.value >= target : computed.value <= target;
      return { id, label, target, unit, higherIsBetter, ratio, pass, ...computed };
    },
  };
}

const atLargest = (results) => results.scales[largestScale(results)];

export const GOALS = [
  goal('detail.cpu', 'case detail: server CPU per request, Zhifa / graphql-js + pg', 3, (r) => {
    const d = atLargest(r).detail;
    return (
      d && {
        value: d.zhifaSaturated.cpuMsPerRequest / d.peerSaturated.cpuMsPerRequest,
        detail: `${fmt(d.zhifaSaturated.cpuMsPerRequest)} / ${fmt(d.peerSaturated.cpuMsPerRequest)} ms`,
      }
    );
  }),
  goal(
    'detail.p50.peer',
    'case detail: p50 at a fixed rate, Zhifa / graphql-js + pg (informative)',
    Infinity,
    (r) => {
      const d = atLargest(r).detail;
      return (
        d && {
          value: d.zhifaAtRate.p50 / d.peerAtRate.p50,
          detail: `${fmt(d.zhifaAtRate.p50)} / ${fmt(d.peerAtRate.p50)} ms at ${d.offeredRate}/s`,
        }
      );
    },
  ),
  goal(
    'detail.p50.postgraphile',
    'case + evidence + decisions: p50, Zhifa / PostGraphile 5',
    1.5,
    (r) => {
      const s = atLargest(r).side;
      return (
        s && {
          value: s.zhifaAtRate.p50 / s.postgraphileAtRate.p50,
          detail: `${fmt(s.zhifaAtRate.p50)} / ${fmt(s.postgraphileAtRate.p50)} ms at ${s.offeredRate}/s`,
        }
      );
    },
  ),
  goal(
    'detail.statements',
    'case detail: SQL statements',
    3,
    (r) => {
      const s = atLargest(r).statements;
      return s?.detail != null && { value: s.detail, detail: `${s.detail} statements` };
    },
    { unit: '' },
  ),
  goal(
    'auth.cpu',
    'authentication `{ me { id } }`: server CPU per request (ms)',
    0.5,
    (r) => {
      const a = atLargest(r).auth;
      return (
        a && {
          value: a.zhifaSaturated.cpuMsPerRequest,
          detail: `${fmt(a.zhifaSaturated.perSecond, 0)} req/s`,
        }
      );
    },
    { ratio: false, unit: ' ms' },
  ),
  goal(
    'dashboard.p50',
    'dashboard page of 50 (deadlines + availableActions) / plain page, p50',
    3,
    (r) => {
      const d = atLargest(r).dashboard;
      return (
        d && {
          value: d.dashboardAtRate.p50 / d.plainAtRate.p50,
          detail: `${fmt(d.dashboardAtRate.p50)} / ${fmt(d.plainAtRate.p50)} ms`,
        }
      );
    },
  ),
  goal(
    'dashboard.statements',
    'dashboard statements, page of 50 / page of 10 (independent of page size)',
    1,
    (r) => {
      const s = atLargest(r).statements;
      return (
        s?.dashboard10 && {
          value: s.dashboard50 / s.dashboard10,
          detail: `${s.dashboard50} / ${s.dashboard10} statements`,
        }
      );
    },
  ),
  ...[
    ['national', 'national officer, unfiltered'],
    ['nationalStatus', 'national officer, status filter'],
    ['nationalSearch', 'national officer, text search'],
    ['nationalSearchCommon', 'national officer, text search of a common term'],
    ['nationalTotalCount', 'national officer, with totalCount'],
    ['county', 'county officer, unfiltered'],
    ['countyStatus', 'county officer, status filter'],
    ['countySearch', 'county officer, text search'],
    ['countySearchCommon', 'county officer, text search of a common term'],
  ].map(([variant, label]) =>
    goal(
      `lists.${variant}.growth`,
      `list page of 50, ${label}: p50 at the largest scale / at the smallest`,
      1.5,
      (r) => {
        const large = largestScale(r);
        const small = smallestScale(r);
        const a = r.scales[large].lists?.[variant];
        const b = r.scales[small].lists?.[variant];
        return (
          large !== small &&
          a &&
          b && {
            value: a.p50 / b.p50,
            detail: `${fmt(a.p50)} ms at ${large.toLocaleString('en-US')} / ${fmt(b.p50)} ms at ${small.toLocaleString('en-US')}`,
          }
        );
      },
    ),
  ),
  goal('mutation.p50', 'recordEvidence p50 / the same writes as one SQL transaction', 10, (r) => {
    const m = atLargest(r).mutation;
    return (
      m && {
        value: m.zhifaAtRate.p50 / m.rawAtRate.p50,
        detail: `${fmt(m.zhifaAtRate.p50)} / ${fmt(m.rawAtRate.p50)} ms`,
      }
    );
  }),
  goal(
    'mutation.throughput',
    'recordEvidence per second at 10 connections',
    300,
    (r) => {
      const m = atLargest(r).mutation;
      // As deployed on this machine's cores (ZHIFA_WORKERS) when measured, else one process.
      const best = m?.zhifaSaturatedWorkers ?? m?.zhifaSaturated;
      return (
        m && {
          value: best.perSecond,
          detail:
            (m.zhifaSaturatedWorkers
              ? `${m.workers} workers; one process ${fmt(m.zhifaSaturated.perSecond, 0)}/s; `
              : '') +
            `raw SQL ${fmt(m.rawSaturated.perSecond, 0)}/s; ${fmt(best.errors, 0)} errors`,
        }
      );
    },
    { higherIsBetter: true, ratio: false, unit: '/s' },
  ),
  goal(
    'documents.render',
    'decision letter render, letters per core-second',
    150,
    (r) => {
      const d = atLargest(r).documents;
      return (
        d && {
          value: d.renderPerCoreSecond,
          detail: `docxtemplater ${fmt(d.docxtemplaterPerCoreSecond, 0)}/s`,
        }
      );
    },
    { higherIsBetter: true, ratio: false, unit: '/s' },
  ),
  goal(
    'documents.generate',
    'generateDocument (decision letter), per core-second of server CPU',
    80,
    (r) => {
      const d = atLargest(r).documents;
      return (
        d?.generate && {
          value: d.generatePerCoreSecond,
          detail: `${fmt(d.generate.cpuMsPerRequest)} ms CPU, p50 ${fmt(d.generate.p50)} ms`,
        }
      );
    },
    { higherIsBetter: true, ratio: false, unit: '/s' },
  ),
  goal(
    'documents.vsDocxtemplater',
    'decision letter: docxtemplater rate / Zhifa render rate',
    2,
    (r) => {
      const d = atLargest(r).documents;
      return (
        d && {
          value: d.docxtemplaterPerCoreSecond / d.renderPerCoreSecond,
          detail: `${fmt(d.docxtemplaterPerCoreSecond, 0)} / ${fmt(d.renderPerCoreSecond, 0)} per core-second`,
        }
      );
    },
  ),
  goal(
    'soak.rss',
    'soak: RSS at the end / RSS after the first minute',
    1.1,
    (r) => {
      const s = atLargest(r).soak;
      return (
        s && {
          value: s.rssRatio,
          detail: `${fmt(s.rssMbAtEnd, 0)} / ${fmt(s.rssMbAtMark, 0)} MB over ${s.seconds} s, ${fmt(s.perSecond, 0)} req/s, ${s.errors} errors, ≤ ${s.maxClientSessions} sessions`,
        }
      );
    },
    { ratio: false },
  ),
];

export function markdownSummary(results) {
  const lines = [];
  const scales = Object.keys(results.scales).map(Number);
  lines.push(
    `# Bench results — ${results.date.slice(0, 16).replace('T', ' ')} UTC, commit ${results.commit}${results.dirty ? ' (dirty)' : ''}`,
  );
  lines.push('');
  lines.push(
    `Node ${results.machine.node}, ${results.machine.cpus} CPUs (${results.machine.cpuModel}), PostgreSQL ${results.machine.postgres}; ` +
      `load average at start ${results.machine.loadAverageAtStart.map((v) => v.toFixed(1)).join(' ')}; ` +
      `scales ${scales.map((s) => s.toLocaleString('en-US')).join(', ')} cases; ${results.config.rounds} rounds of ${results.config.seconds} s, interleaved; ` +
      `${fmt(results.elapsedSeconds / 60, 1)} min.`,
  );
  lines.push('');
  lines.push('## Goals');
  lines.push('');
  lines.push('| goal | value | target | result | figures |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const g of results.goals) {
    const target = Number.isFinite(g.target)
      ? `${g.higherIsBetter ? '≥' : '≤'} ${fmt(g.target)}${g.unit}`
      : '—';
    const verdict = Number.isFinite(g.target) ? (g.pass ? 'PASS' : '**FAIL**') : 'info';
    lines.push(
      `| ${g.label} | ${fmt(g.value)}${g.unit} | ${target} | ${verdict} | ${g.detail ?? ''} |`,
    );
  }
  for (const scale of scales) {
    const s = results.scales[scale];
    lines.push('');
    lines.push(`## ${scale.toLocaleString('en-US')} cases`);
    lines.push('');
    lines.push(
      `Setup: demo data ${fmt(s.setup.demoSeconds, 0)} s, seeding ${fmt(s.setup.seedSeconds, 0)} s; API verification ${s.verify?.ok ? 'ok' : '**failed**'}.`,
    );
    lines.push('');
    lines.push('| measurement | p50 ms | p99 ms | req/s | server CPU ms/req | errors |');
    lines.push('| --- | --- | --- | --- | --- | --- |');
    for (const [phase, runs] of Object.entries(s)) {
      if (
        !runs ||
        typeof runs !== 'object' ||
        ['setup', 'verify', 'statements', 'documents', 'soak'].includes(phase)
      ) {
        continue;
      }
      for (const [name, m] of Object.entries(runs)) {
        if (m && typeof m === 'object' && 'p50' in m) {
          lines.push(
            `| ${phase} ${name} | ${fmt(m.p50)} | ${fmt(m.p99)} | ${fmt(m.perSecond, 0)} | ${fmt(m.cpuMsPerRequest)} | ${fmt(m.errors, 0)} |`,
          );
        }
      }
    }
    if (s.documents) {
      const d = s.documents;
      lines.push(
        `| documents render (in process) | — | — | ${fmt(d.renderPerCoreSecond, 0)} per core-s | — | — |`,
        `| documents docxtemplater (same text) | — | — | ${fmt(d.docxtemplaterPerCoreSecond, 0)} per core-s | — | — |`,
      );
      if (d.generate) {
        lines.push(
          `| documents generateDocument (API, 1 conn.) | ${fmt(d.generate.p50)} | ${fmt(d.generate.p99)} | ${fmt(d.generate.perSecond, 0)} | ${fmt(d.generate.cpuMsPerRequest)} | ${fmt(d.generate.errors, 0)} |`,
        );
      }
    }
    if (s.soak) {
      lines.push(
        `| soak (mixed, 10 conn., ${s.soak.seconds} s) | ${fmt(s.soak.p50)} | ${fmt(s.soak.p99)} | ${fmt(s.soak.perSecond, 0)} | ${fmt(s.soak.cpuMsPerRequest)} | ${fmt(s.soak.errors, 0)} |`,
      );
    }
    if (s.statements) {
      lines.push('');
      // controlPerRequest: the fewest of them, in results written before `control`.
      const { controlPerRequest: _fewest, control = {}, ...data } = s.statements;
      lines.push(
        `SQL statements per request (data statements; in brackets the transaction control and RLS scope sent apart: begin, set_config, commit): ` +
          `${Object.entries(data)
            .map(
              ([k, v]) => `${k} ${v ?? '—'}${control[k] === undefined ? '' : ` (+${control[k]})`}`,
            )
            .join(', ')}.`,
      );
    }
  }
  return lines.join('\n');
}

/** bench:ci: a ratio more than 25 % worse than the committed baseline's is a regression. */
export function compareWithBaseline(results, baseline, tolerance = 0.25) {
  const lines = ['', '| ratio | baseline | now | change |', '| --- | --- | --- | --- |'];
  const regressions = [];
  const before = new Map((baseline.goals ?? []).map((g) => [g.id, g]));
  for (const now of results.goals) {
    const was = before.get(now.id);
    if (!now.ratio || !was || !Number.isFinite(was.value) || !Number.isFinite(now.value)) {
      continue;
    }
    const change = now.higherIsBetter ? was.value / now.value - 1 : now.value / was.value - 1;
    const regressed = change > tolerance;
    if (regressed) {
      regressions.push(now.id);
    }
    lines.push(
      `| ${now.id} | ${fmt(was.value)} | ${fmt(now.value)} | ${change >= 0 ? '+' : ''}${fmt(change * 100, 0)} %${regressed ? ' **REGRESSION**' : ''} |`,
    );
  }
  return { lines, regressions };
}
