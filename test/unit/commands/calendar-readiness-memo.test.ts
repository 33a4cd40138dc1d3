import { describe, expect, it } from 'vitest';
import {
  calendarReadiness,
  calendarReadinessMemo,
} from '../../../src/commands/procedure/available-actions.js';
import { availableActions } from '../../../src/procedure/decide.js';
import type { RulebookOverrides } from '../../../src/procedure/rulebook.js';
import { calendarOf } from '../procedure/calendar/seed-calendar.js';
import { CONTEXT, d, HANDLER_A, HEAD, snapshot } from '../procedure/procedure-fixtures.js';

/**
 * A dashboard page completes every case's availableActions with whether each step's periods can
 * be computed (calendarReadiness). That depends only on the day, the overrides and the calendar,
 * so it is remembered across requests: the remembered answer must be the fresh one, and a
 * different day, overrides or calendar must not reuse it.
 */
describe('calendarReadinessMemo', () => {
  // Only 2025 loaded: on 2025-12-20 some periods end in 2026 (CALENDAR_YEAR_NOT_LOADED).
  const calendar = calendarOf(2025);
  const today = d('2025-12-20');

  it('answers as calendarReadiness, the refusals of an unloaded year included', () => {
    for (const actor of [HANDLER_A, HEAD]) {
      for (const status of ['CASE_SOURCE_REGISTERED', 'INVESTIGATING'] as const) {
        const answers = availableActions(snapshot(status), actor, today, CONTEXT);
        expect(calendarReadinessMemo(today, undefined, calendar)(answers)).toEqual(
          calendarReadiness(today, undefined, calendar)(answers),
        );
      }
    }
    const answers = availableActions(snapshot('INVESTIGATING'), HANDLER_A, today, CONTEXT);
    expect(
      calendarReadinessMemo(
        today,
        undefined,
        calendar,
      )(answers).some(
        (a) =>
          a.inputRules.includes('CALENDAR_YEAR_NOT_LOADED') ||
          a.violations.some((v) => v.code === 'CALENDAR_YEAR_NOT_LOADED'),
      ),
    ).toBe(true);
  });

  it('is reused for the same day, overrides and calendar only', () => {
    const overrides: RulebookOverrides = {
      id: 'X-1',
      source: '测试',
      values: { hearingFineThresholdNaturalPerson: 5000 },
    };
    const same = calendarReadinessMemo(today, undefined, calendar);
    expect(calendarReadinessMemo(today, undefined, calendar)).toBe(same);
    expect(calendarReadinessMemo(d('2025-12-21'), undefined, calendar)).not.toBe(same);
    expect(calendarReadinessMemo(today, overrides, calendar)).not.toBe(same);
    expect(calendarReadinessMemo(today, undefined, calendarOf(2025, 2026))).not.toBe(same);
    // Overrides equal in content (read again on another request) share the answer.
    expect(calendarReadinessMemo(today, { ...overrides }, calendar)).toBe(
      calendarReadinessMemo(today, overrides, calendar),
    );
  });
});
