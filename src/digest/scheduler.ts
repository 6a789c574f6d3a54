import { Cron } from 'croner';

/** A running schedule. */
export interface DigestSchedule {
  /** Fires no more (a run under way goes on: see `drain`). */
  stop(): void;
  /** Resolves when no run is under way. */
  drain(): Promise<void>;
  /** When it fires next, or null. */
  next(): Date | null;
}

/**
 * The slot a firing belongs to: its scheduled time cut to the pattern's resolution (minutes,
 * or seconds for a six-field pattern), in ISO form. Two firings of one slot share a key.
 */
export function slotKey(pattern: string, at: Date): string {
  const hasSeconds = pattern.trim().split(/\s+/).length >= 6;
  const t = new Date(at);
  t.setUTCMilliseconds(0);
  if (!hasSeconds) t.setUTCSeconds(0);
  return t.toISOString();
}

/**
 * Runs `run(slot)` on a cron schedule (croner) in a time zone. Overlapping runs are prevented;
 * an error in a run is passed to `onError` and does not stop the schedule. The only timer in the app.
 */
export function startDigestSchedule(args: { cron: string; timezone: string; run: (slot: string) => Promise<unknown>; onError: (err: unknown) => void }): DigestSchedule {
  let current: Promise<unknown> | undefined;
  const job = new Cron(args.cron, { timezone: args.timezone, protect: true, catch: (err) => args.onError(err) }, async (self: Cron) => {
    const scheduled = self.currentRun() ?? new Date();
    current = args.run(slotKey(args.cron, scheduled));
    await current;
  });
  return {
    stop: () => job.stop(),
    drain: async () => {
      await current?.catch(() => undefined);
    },
    next: () => job.nextRun(),
  };
}
