// The daily standup digest on a timer: once a day, at SCRUMDOWN_DIGEST_AT in its time zone, each
// project's digest goes to its members. Every instance runs the timer; before sending, an
// instance claims the (project, day) in the database, so only one of them sends it. A failed send
// gives its claim back and is tried again on the next tick, by whichever instance comes first.
// A server that was down at the time sends the day's digest when it starts, the same day.
// The timer does not keep the process alive, and stop() waits for a tick in progress.

import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DigestSettings } from '../../config/config.js';
import { claimDigestRun, finishDigestRun, projectsAwaitingDigest } from '../../store/repositories/digest-runs.js';
import type { DigestProject } from '../../store/repositories/digest-runs.js';
import type { Database } from '../../store/schema.js';
import type { Clock } from '../clock.js';
import { todayOf } from '../sprints/dates.js';
import { sendDigest } from './index.js';
import { localTime, minuteOfDay } from './local-time.js';

/** How often the schedule looks at the clock. */
export const TICK_MS = 30_000;
/** A claim still `sending` after this long belongs to an instance that died while sending. */
export const CLAIM_STALE_MS = 10 * 60_000;

export interface DigestScheduleDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'error'>;
  settings: DigestSettings;
}

export interface DigestSchedule {
  /** Sends every digest that is due and not yet sent; what the timer calls. */
  tick(): Promise<void>;
  /** Stops the timer and waits for a tick in progress. */
  stop(): Promise<void>;
}

/** The schedule without its timer (tests drive tick() under their own clock). */
export function digestSchedule(deps: DigestScheduleDeps): DigestSchedule {
  const at = minuteOfDay(deps.settings.at);
  let running: Promise<void> | undefined;
  let stopped = false;

  const send = async (project: DigestProject, day: string, now: Date): Promise<void> => {
    const attempt = await claimDigestRun(deps.db, project.id, day, now.toISOString(), new Date(now.getTime() - CLAIM_STALE_MS).toISOString());
    if (attempt === undefined) return;
    try {
      // The standups' own day (the one POST …/standups/digest sends by default), which can differ
      // from the local day of the schedule.
      const result = await sendDigest(deps.db, project, todayOf(now), deps.settings.smtp);
      await finishDigestRun(deps.db, project.id, day, { sentAt: deps.clock().toISOString() });
      deps.logger.info({ project: project.key, day, attempt, recipients: result.accepted.length }, 'standup digest sent');
    } catch (error) {
      const message = (error as Error).message;
      await finishDigestRun(deps.db, project.id, day, { error: message });
      deps.logger.error({ project: project.key, day, attempt, error: message }, 'standup digest not sent; it is tried again on the next tick');
    }
  };

  const tick = async (): Promise<void> => {
    const now = deps.clock();
    const local = localTime(now, deps.settings.timeZone);
    if (local.minuteOfDay < at) return;
    for (const project of await projectsAwaitingDigest(deps.db, local.day)) {
      if (stopped) return;
      await send(project, local.day, now);
    }
  };

  return {
    tick: () => {
      if (stopped) return Promise.resolve();
      running ??= tick()
        .catch((error: unknown) => deps.logger.error({ error: (error as Error).message }, 'standup digest schedule failed; it is tried again on the next tick'))
        .finally(() => {
          running = undefined;
        });
      return running;
    },
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}

/** The schedule with its timer running every `tickMs`; the first tick comes at once. */
export function startDigestSchedule(deps: DigestScheduleDeps, tickMs = TICK_MS): DigestSchedule {
  const schedule = digestSchedule(deps);
  const timer = setInterval(() => void schedule.tick(), tickMs);
  timer.unref();
  void schedule.tick();
  return {
    tick: schedule.tick,
    stop: () => {
      clearInterval(timer);
      return schedule.stop();
    },
  };
}
