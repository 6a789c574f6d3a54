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

/** A channel with a digest schedule (its own, or the defaults). */
export interface ScheduledChannel {
  teamId: string;
  enterpriseId?: string;
  channelId: string;
  cron: string;
  timezone: string;
}

/** What the channel scheduler needs. */
export interface ChannelDigestsArgs {
  /** Every scheduled channel now (called at start and whenever `version` moves). */
  load: () => Promise<ScheduledChannel[]>;
  /** Moves whenever a schedule changes (here or on another replica). */
  version: () => Promise<number>;
  /** Posts one channel's digest for a slot (claimed in the store, so one replica posts it). */
  run: (channel: ScheduledChannel, slot: string) => Promise<unknown>;
  onError: (err: unknown) => void;
  /** How often schedules are checked. Default every second ("* * * * * *"). */
  tickCron?: string;
}

/** The channel scheduler: the running schedule, and how many channels it has now. */
export interface ChannelDigests extends DigestSchedule {
  /** The channels scheduled at the last check. */
  channels(): readonly ScheduledChannel[];
}

/**
 * Runs every channel's digest on its own schedule, from one timer: each tick (every second) it
 * reloads the schedules if their version in the store moved, and runs every channel whose cron
 * fired since the previous tick. So a schedule set from Slack on any replica starts without a
 * restart, and every replica may tick: the slot claim lets exactly one post each digest.
 */
export function startChannelDigests(args: ChannelDigestsArgs): ChannelDigests {
  let list: ScheduledChannel[] = [];
  let version: number | undefined;
  let last = new Date();
  const crons = new Map<string, Cron>();
  const running = new Map<string, Promise<unknown>>();
  const cronFor = (c: ScheduledChannel): Cron => {
    const key = `${c.cron}|${c.timezone}`;
    let cron = crons.get(key);
    if (!cron) {
      cron = new Cron(c.cron, { timezone: c.timezone, paused: true });
      crons.set(key, cron);
    }
    return cron;
  };
  const tick = async (now: Date): Promise<void> => {
    const v = await args.version();
    if (v !== version) {
      list = await args.load();
      version = v;
    }
    const since = last;
    last = now;
    for (const c of list) {
      const key = `${c.teamId}/${c.channelId}`;
      let due: Date | null;
      try {
        due = cronFor(c).nextRun(since);
      } catch (err) {
        args.onError(new Error(`the schedule of ${key} (${c.cron}) cannot be read: ${(err as Error).message}`));
        continue;
      }
      if (!due || due.getTime() > now.getTime() || running.has(key)) continue;
      const run = args
        .run(c, slotKey(c.cron, due))
        .catch((err: unknown) => args.onError(err))
        .finally(() => running.delete(key));
      running.set(key, run);
    }
  };
  const job = new Cron(args.tickCron ?? '* * * * * *', { protect: true, catch: (err) => args.onError(err) }, async () => {
    await tick(new Date());
  });
  return {
    stop: () => job.stop(),
    drain: async () => {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
    next: () => job.nextRun(),
    channels: () => list,
  };
}
