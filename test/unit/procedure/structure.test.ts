/**
 * Structural data quality of the procedure table: reachability, terminal
 * statuses, citations on every transition, and availableActions agreeing with decide.
 */
import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  INITIAL_STATUS,
  TERMINAL_STATUSES,
  type CaseStatus,
} from '../../../src/procedure/case-status.js';
import { newCaseSnapshot } from '../../../src/procedure/case-snapshot.js';
import { CREDIT_REPAIR_RULE_CODES } from '../../../src/procedure/publication.js';
import { INTERVIEW_RULE_CODES } from '../../../src/procedure/interview-basis.js';
import { DISCRETION_RULE_CODES } from '../../../src/procedure/discretion.js';
import { CORRECTION_TIER_RULE_CODES } from '../../../src/procedure/provisions/index.js';
import { availableActions, commonGuards, decide } from '../../../src/procedure/decide.js';
import {
  PROCEDURE_ACTIONS,
  type ProcedureAction,
} from '../../../src/procedure/procedure-action.js';
import {
  actionsFrom,
  procedureEdges,
  reachableStatuses,
  unreachableStatuses,
} from '../../../src/procedure/procedure-graph.js';
import { RULE_CATALOG } from '../../../src/procedure/rule-catalog.js';
import { RULEBOOK_VERSIONS } from '../../../src/procedure/rulebook.js';
import { transitionOf } from '../../../src/procedure/transitions.js';
import {
  ACTORS,
  CONTEXT,
  d,
  executionSnapshot,
  notifiedSnapshot,
  OFFICE,
  sampleInputs,
  snapshot,
} from './procedure-fixtures.js';

describe('procedure graph', () => {
  it('every status is reachable from the initial status (breadth-first search over the table)', () => {
    expect(unreachableStatuses()).toEqual([]);
    expect(reachableStatuses().size).toBe(CASE_STATUSES.length);
  });

  it.each(TERMINAL_STATUSES)('terminal status %s has no exits', (status) => {
    expect(actionsFrom(status)).toEqual([]);
  });

  it.each(CASE_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s)))(
    'non-terminal status %s has at least one exit',
    (status) => {
      expect(actionsFrom(status).length).toBeGreaterThan(0);
    },
  );

  it('every terminal status can be reached and every non-terminal status leads on to a terminal one', () => {
    const edges = procedureEdges();
    const leadsToTerminal = (start: CaseStatus): boolean => {
      const seen = new Set<CaseStatus>([start]);
      const queue = [start];
      while (queue.length > 0) {
        const s = queue.shift() as CaseStatus;
        if (TERMINAL_STATUSES.includes(s)) {
          return true;
        }
        edges
          .filter((e) => e.from === s && !seen.has(e.to))
          .forEach((e) => (seen.add(e.to), queue.push(e.to)));
      }
      return false;
    };
    expect(CASE_STATUSES.filter((s) => !leadsToTerminal(s))).toEqual([]);
  });

  it('only registerCaseSource leaves the initial status', () => {
    expect(actionsFrom(INITIAL_STATUS)).toEqual(['registerCaseSource']);
  });
});

describe('transition table', () => {
  it.each(PROCEDURE_ACTIONS)(
    '%s has a legal basis, roles, a status to start from and a final unconditional outcome',
    (action) => {
      const t = transitionOf(action);
      expect(t.action).toBe(action);
      expect(t.legalBasis.length).toBeGreaterThan(0);
      expect(t.roles.length).toBeGreaterThan(0);
      expect(t.from.length).toBeGreaterThan(0);
      expect(t.outcomes.at(-1)?.when).toBeUndefined();
      expect(new Set(t.outcomes.map((o) => o.id)).size).toBe(t.outcomes.length);
    },
  );

  it.each(PROCEDURE_ACTIONS)(
    '%s: every guard names rule codes that are in the catalog',
    (action) => {
      const t = transitionOf(action);
      for (const guard of [...commonGuards(t), ...t.guards]) {
        expect(guard.codes.length).toBeGreaterThan(0);
        for (const code of guard.codes) {
          expect(RULE_CATALOG).toHaveProperty(code);
        }
      }
    },
  );

  it('every deadline effect names a period parameter of every rulebook version', () => {
    for (const action of PROCEDURE_ACTIONS) {
      for (const outcome of transitionOf(action).outcomes) {
        for (const effect of outcome.effects) {
          if (effect.kind === 'START_DEADLINE' || effect.kind === 'EXTEND_DEADLINE') {
            for (const version of RULEBOOK_VERSIONS) {
              expect(version.parameters[effect.parameter].type).toBe('PERIOD');
            }
          }
        }
      }
    }
  });

  it('every catalog rule is produced by some guard or by decide itself', () => {
    const produced = new Set<string>([
      'ACTION_NOT_ALLOWED_IN_STATUS',
      'RULEBOOK_NOT_IN_FORCE',
      'ACT_DATE_BEFORE_2004',
      // The publication lifecycle's own check (removePublicationOnCreditRepair).
      ...CREDIT_REPAIR_RULE_CODES,
      // The discretion record, checked with the penalties (discretionViolations).
      ...DISCRETION_RULE_CODES,
      // The penalty-provisions check (APL art. 28(1): the 拒不改正 tier).
      ...CORRECTION_TIER_RULE_CODES,
      // 约谈 (interviews, not a procedural step): interviewViolations.
      ...INTERVIEW_RULE_CODES,
    ]);
    for (const action of PROCEDURE_ACTIONS) {
      const t = transitionOf(action);
      [...commonGuards(t), ...t.guards].forEach((g) => g.codes.forEach((c) => produced.add(c)));
    }
    expect(Object.keys(RULE_CATALOG).filter((code) => !produced.has(code))).toEqual([]);
  });
});

describe('availableActions agrees with decide', () => {
  const now = '2024-04-10';
  const situations = [
    newCaseSnapshot(OFFICE, 'MUNICIPAL'),
    snapshot('CASE_SOURCE_REGISTERED', { docketedOn: undefined }),
    snapshot('INVESTIGATING'),
    snapshot('INVESTIGATING', { suspensions: [{ suspendedOn: d('2024-04-01') }] }),
    snapshot('INVESTIGATING', {
      compulsoryMeasures: [
        {
          id: 'm-1',
          kind: 'SEIZURE',
          startedOn: d('2024-03-01'),
          endsOn: d('2024-03-31'),
          extended: false,
        },
      ],
    }),
    notifiedSnapshot(),
    notifiedSnapshot('HEARING_REQUESTED', { hearing: { requestedOn: d('2024-04-03') } }),
    notifiedSnapshot('HEARING_CONCLUDED', {
      hearing: {
        requestedOn: d('2024-04-03'),
        heldOn: d('2024-04-09'),
        outcome: 'HELD',
        presidingOfficerId: 'presider',
      },
    }),
    notifiedSnapshot('UNDER_LEGAL_REVIEW', { legalReviews: [{ submittedOn: d('2024-04-09') }] }),
    notifiedSnapshot('READY_FOR_DECISION'),
    snapshot('DECIDED_PENALTY'),
    snapshot('PRE_PENALTY_NOTICE_SERVED', {
      notice: {
        issuedOn: d('2024-04-08'),
        proposedPenalties: [{ kind: 'FINE', amountYuan: 5000 }],
        hearingEligible: true,
      },
    }),
    executionSnapshot('DECISION_SERVED'),
    executionSnapshot('INSTALMENT_PLAN'),
    executionSnapshot('ENFORCEMENT_DEMAND_ISSUED'),
    executionSnapshot('COURT_ENFORCEMENT_APPLIED'),
    executionSnapshot('EXECUTED'),
    snapshot('NOT_DOCKETED'),
    executionSnapshot('CLOSED'),
  ];
  const inputs = sampleInputs(now);

  it.each(situations.map((s, i) => [i, s.status, s] as const))(
    'situation %i (%s): same verdict and reasons',
    (_i, _status, situation) => {
      for (const actor of ACTORS) {
        const available = availableActions(situation, actor, d(now), CONTEXT);
        expect(available.map((a) => a.action)).toEqual([...PROCEDURE_ACTIONS]);
        for (const a of available) {
          const result = decide(
            situation,
            a.action as ProcedureAction,
            inputs[a.action],
            actor,
            d(now),
            CONTEXT,
          );
          const decided = result.ok ? [] : result.violations.map((v) => v.code);
          // Every reason availableActions gives, decide gives too (decide may add input-dependent ones).
          expect(decided).toEqual(expect.arrayContaining(a.violations.map((v) => v.code)));
          if (!a.allowed) {
            expect(result.ok).toBe(false);
          }
          if (!result.ok && a.allowed) {
            // Any extra reason must come from an input-dependent rule.
            for (const code of decided) {
              expect(a.inputRules).toContain(code);
            }
          }
        }
      }
    },
  );

  it('a handler in an investigating case may record evidence but not decide the case', () => {
    const available = availableActions(snapshot('INVESTIGATING'), ACTORS[0]!, d(now), CONTEXT);
    const byAction = new Map(available.map((a) => [a.action, a]));
    expect(byAction.get('recordEvidence')?.allowed).toBe(true);
    expect(byAction.get('decideCase')?.allowed).toBe(false);
    expect(byAction.get('decideCase')?.violations.map((v) => v.code)).toEqual(['ROLE_REQUIRED']);
    expect(byAction.get('requestHearing')?.violations.map((v) => v.code)).toContain(
      'ACTION_NOT_ALLOWED_IN_STATUS',
    );
  });
});
