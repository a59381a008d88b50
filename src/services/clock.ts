// Time as a dependency: services ask the clock instead of calling Date.now(), so tests can move
// time forward (lockouts, token expiry, rate-limit windows) without waiting.

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that stands still until told to move; for tests. */
export function manualClock(start: Date | string = '2026-11-22T09:00:00.000Z'): Clock & { advance(ms: number): void; set(at: Date | string): void } {
  let now = new Date(start).getTime();
  const clock = (() => new Date(now)) as Clock & { advance(ms: number): void; set(at: Date | string): void };
  clock.advance = (ms: number) => {
    now += ms;
  };
  clock.set = (at: Date | string) => {
    now = new Date(at).getTime();
  };
  return clock;
}
