// The demo's open call must be open on the day the demo is loaded, whatever that day is. The story is written
// for 2026-11-25; loaded later, the open round moves forward by whole weeks (so every date keeps its weekday)
// until its call has at least two more weeks to run, and the program's later milestones and the guide's
// 申报时间 move with it. Rounds already closed, and rounds in planning, keep their dates.
import type { DemoCall, DemoMilestone, DemoProgram } from './data-types';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** How long the open call still runs, at least, on the day the demo is loaded. */
export const OPEN_CALL_RUNWAY_MS = 14 * DAY_MS;

export interface DemoRound {
  programs: readonly DemoProgram[];
  calls: readonly DemoCall[];
}

/** The whole weeks the open call must move so that it still runs for the runway after `now`; 0 when it does. */
export function weeksToShift(closesAt: Date, now: Date): number {
  const short = now.getTime() + OPEN_CALL_RUNWAY_MS - closesAt.getTime();
  return short > 0 ? Math.ceil(short / WEEK_MS) : 0;
}

/** `2026年11月2日至12月11日`: the window as the guide states it, in Beijing dates. */
export function windowPhrase(opensAt: Date, closesAt: Date): string {
  const [oy, om, od] = beijingDate(opensAt);
  const [cy, cm, cd] = beijingDate(closesAt);
  const close = cy === oy ? `${cm}月${cd}日` : `${cy}年${cm}月${cd}日`;
  return `${oy}年${om}月${od}日至${close}`;
}

/** The demo's programs and calls with the open round placed so that its call is open at `now`. */
export function placeOpenRound(
  programs: readonly DemoProgram[],
  calls: readonly DemoCall[],
  now: Date,
): DemoRound {
  const openCodes = new Set(programs.filter((p) => p.status === 'open').map((p) => p.code));
  const shifts = new Map<string, number>();
  const placedCalls = calls.map((call) => {
    if (call.status !== 'open' || !openCodes.has(call.programCode)) return call;
    const opens = new Date(call.opensAt);
    const closes = new Date(call.closesAt);
    const shiftMs = weeksToShift(closes, now) * WEEK_MS;
    if (shiftMs === 0) return call;
    shifts.set(call.programCode, shiftMs);
    const movedOpens = new Date(opens.getTime() + shiftMs);
    const movedCloses = new Date(closes.getTime() + shiftMs);
    return {
      ...call,
      opensAt: beijingTimestamp(movedOpens),
      closesAt: beijingTimestamp(movedCloses),
      guide: call.guide.replace(windowPhrase(opens, closes), windowPhrase(movedOpens, movedCloses)),
    };
  });
  const placedPrograms = programs.map((program) => {
    const shiftMs = shifts.get(program.code);
    if (shiftMs === undefined) return program;
    return { ...program, milestones: program.milestones.map((m) => shiftMilestone(m, shiftMs)) };
  });
  return { programs: placedPrograms, calls: placedCalls };
}

function shiftMilestone(milestone: DemoMilestone, shiftMs: number): DemoMilestone {
  const move = (date: string) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + shiftMs).toISOString().slice(0, 10);
  return {
    ...milestone,
    plannedOn: move(milestone.plannedOn),
    actualOn: milestone.actualOn === null ? null : move(milestone.actualOn),
  };
}

/** Year, month and day of the instant in Beijing (UTC+8 all year). */
function beijingDate(at: Date): [number, number, number] {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
}

/** `2026-12-11T17:30:00+08:00`: an instant written as the demo data writes it. */
function beijingTimestamp(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
