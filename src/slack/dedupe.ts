/** Remembers event ids for a while so a redelivered event is handled once. */
export interface EventDeduper {
  /** True if `id` was seen within the time to live; records it otherwise. */
  seen(id: string): boolean;
}

/** Default memory: an hour, well past Slack's retry window (three retries within minutes). */
export const DEDUPE_TTL_MS = 60 * 60 * 1000;

/**
 * An in-memory deduper with a time to live and a size cap (oldest forgotten first).
 * `now` is injected so tests control the clock. One process only: replicas need shared storage.
 */
export function createEventDeduper(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}): EventDeduper {
  const ttl = options.ttlMs ?? DEDUPE_TTL_MS;
  const max = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const seenAt = new Map<string, number>();
  return {
    seen(id) {
      const t = now();
      for (const [key, at] of seenAt) {
        if (t - at < ttl && seenAt.size < max) break;
        seenAt.delete(key);
      }
      const at = seenAt.get(id);
      if (at !== undefined && t - at < ttl) return true;
      seenAt.set(id, t);
      return false;
    },
  };
}
