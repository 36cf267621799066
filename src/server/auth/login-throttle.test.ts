import { describe, expect, it } from 'vitest';
import type { ThrottleState } from '../../db/repos/auth-throttles.repo';
import {
  afterFailure,
  delaySeconds,
  FORGET_AFTER_MS,
  MAX_DELAY_SECONDS,
  secondsBlocked,
} from './login-throttle';

const NOW = new Date('2026-03-02T01:00:00.000Z');
const fresh: ThrottleState = { attempts: 0, windowStartedAt: NOW, blockedUntil: null };

describe('sign-in delays', () => {
  it('forgives up to the threshold, then doubles from one second up to fifteen minutes', () => {
    const delays = Array.from({ length: 20 }, (_, i) => delaySeconds(i + 1, 5));
    expect(delays.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(delays.slice(4, 15)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, MAX_DELAY_SECONDS]);
    expect(delaySeconds(1_000_000, 5)).toBe(MAX_DELAY_SECONDS);
  });

  it('blocks from the failure on and starts afresh a day after the first failure', () => {
    let state = fresh;
    for (let i = 0; i < 5; i++) state = afterFailure(state, 5, NOW);
    expect(state.attempts).toBe(5);
    expect(secondsBlocked(state, NOW)).toBe(1);
    expect(secondsBlocked(state, new Date(NOW.getTime() + 1000))).toBe(0);
    const later = new Date(NOW.getTime() + FORGET_AFTER_MS);
    expect(afterFailure(state, 5, later)).toEqual({
      attempts: 1,
      windowStartedAt: later,
      blockedUntil: null,
    });
  });

  it('never forgets while a delay is running', () => {
    const blocked = {
      attempts: 30,
      windowStartedAt: NOW,
      blockedUntil: new Date(NOW.getTime() + FORGET_AFTER_MS + 5000),
    };
    const next = afterFailure(blocked, 5, new Date(NOW.getTime() + FORGET_AFTER_MS));
    expect(next.attempts).toBe(31);
  });
});
