import { Cron } from 'croner';

/** A running schedule; `stop()` ends it. */
export interface DigestSchedule {
  stop(): void;
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
  const job = new Cron(args.cron, { timezone: args.timezone, protect: true, catch: (err) => args.onError(err) }, async (self: Cron) => {
    const scheduled = self.currentRun() ?? new Date();
    await args.run(slotKey(args.cron, scheduled));
  });
  return { stop: () => job.stop(), next: () => job.nextRun() };
}
