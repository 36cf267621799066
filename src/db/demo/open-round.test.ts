import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_CALLS, DEMO_PROGRAMS } from './data';
import { OPEN_CALL_RUNWAY_MS, placeOpenRound, windowPhrase } from './open-round';

const openCall = (calls: typeof DEMO_CALLS) => {
  const call = calls.find((c) => c.status === 'open');
  if (!call) throw new Error('the demo has an open call');
  return call;
};
const openProgram = (programs: typeof DEMO_PROGRAMS) => {
  const program = programs.find((p) => p.status === 'open');
  if (!program) throw new Error('the demo has an open program');
  return program;
};
const weekday = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).getUTCDay();

describe('the demo’s open round on the day it is loaded', () => {
  it('keeps the written dates on the story’s today', () => {
    const round = placeOpenRound(DEMO_PROGRAMS, DEMO_CALLS, new Date('2026-11-25T01:00:00Z'));
    expect(round.calls).toEqual(DEMO_CALLS);
    expect(round.programs).toEqual(DEMO_PROGRAMS);
  });

  it('states its window in the guide, so a moved window is stated too', () => {
    const call = openCall(DEMO_CALLS);
    expect(call.guide).toContain(windowPhrase(new Date(call.opensAt), new Date(call.closesAt)));
    expect(windowPhrase(new Date(call.opensAt), new Date(call.closesAt))).toBe('2026年11月2日至12月11日');
    expect(windowPhrase(new Date('2026-12-07T01:00:00Z'), new Date('2027-01-15T09:30:00Z'))).toBe(
      '2026年12月7日至2027年1月15日',
    );
  });

  it('is open with two weeks to run on any later day, with weekdays, guide and milestones moved alike', () => {
    const fixed = openCall(DEMO_CALLS);
    const fixedProgram = openProgram(DEMO_PROGRAMS);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 * 24 }), (hours) => {
        const now = new Date(Date.parse('2026-11-25T01:00:00Z') + hours * 3_600_000);
        const round = placeOpenRound(DEMO_PROGRAMS, DEMO_CALLS, now);
        const call = openCall(round.calls);
        expect(Date.parse(call.opensAt)).toBeLessThan(now.getTime());
        expect(Date.parse(call.closesAt) - now.getTime()).toBeGreaterThanOrEqual(OPEN_CALL_RUNWAY_MS);
        // Never more than a week beyond the runway: the round moves as little as it must.
        expect(Date.parse(call.closesAt) - now.getTime()).toBeLessThan(
          OPEN_CALL_RUNWAY_MS + 7 * 86_400_000 + 1,
        );
        expect([weekday(call.opensAt), weekday(call.closesAt)]).toEqual([
          weekday(fixed.opensAt),
          weekday(fixed.closesAt),
        ]);
        expect(call.guide).toContain(windowPhrase(new Date(call.opensAt), new Date(call.closesAt)));
        const shiftDays = (Date.parse(call.opensAt) - Date.parse(fixed.opensAt)) / 86_400_000;
        const program = openProgram(round.programs);
        program.milestones.forEach((m, i) => {
          const before = fixedProgram.milestones[i];
          const days = (Date.parse(m.plannedOn) - Date.parse(before?.plannedOn ?? '')) / 86_400_000;
          expect(days).toBe(shiftDays);
        });
        // The closed 2023 round and the round in planning keep their dates.
        for (const c of round.calls.filter((c) => c.status !== 'open')) {
          expect(DEMO_CALLS).toContainEqual(c);
        }
      }),
      { numRuns: 200 },
    );
  });
});
