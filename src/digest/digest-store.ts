import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Records which digest slot each channel got, so a slot is posted once even across restarts. */
export interface DigestStore {
  /** Claims (channel, slot); false if it was already claimed. */
  claim(channel: string, slot: string): boolean;
  /** Gives a claim back after a failed post, so a later run may post it. */
  release(channel: string, slot: string): void;
}

/** An in-memory store, for tests and the terminal. */
export function createMemoryDigestStore(): DigestStore {
  const last = new Map<string, string>();
  return {
    claim(channel, slot) {
      if (last.get(channel) === slot) return false;
      last.set(channel, slot);
      return true;
    },
    release(channel, slot) {
      if (last.get(channel) === slot) last.delete(channel);
    },
  };
}

/**
 * A store kept in a JSON file (`{channel: lastSlot}`), written atomically on every claim.
 * One process owns it: with several replicas, give posting to one of them (see README).
 */
export function createFileDigestStore(file: string): DigestStore {
  let state: Record<string, string> = {};
  if (existsSync(file)) {
    try {
      state = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      state = {};
    }
  }
  const save = (): void => {
    writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2));
    renameSync(`${file}.tmp`, file);
  };
  return {
    claim(channel, slot) {
      if (state[channel] === slot) return false;
      state[channel] = slot;
      save();
      return true;
    },
    release(channel, slot) {
      if (state[channel] === slot) {
        delete state[channel];
        save();
      }
    },
  };
}
