import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Store } from './store.ts';

/** What became of an old digest state file. */
export type LegacyImport = { status: 'absent' | 'already-imported' } | { status: 'imported'; slots: number } | { status: 'invalid'; problem: string };

/**
 * Imports the JSON file older versions kept (`{"C0123": "2026-11-24T09:00:00.000Z"}`, the last
 * slot each channel got) into the store, once: the slots count as posted, so an upgrade in the
 * middle of a slot does not post it again. A file that is not such an object is reported, not
 * guessed at. The file itself is left alone.
 */
export async function importLegacyDigestState(store: Store, file: string, teamId: string): Promise<LegacyImport> {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') return { status: 'absent' };
    return { status: 'invalid', problem: `cannot be read (${code ?? (err as Error).message})` };
  }
  const marker = `legacy_digest_state:${path}`;
  if ((await store.meta.get(marker)) !== undefined) return { status: 'already-imported' };
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    return { status: 'invalid', problem: 'is not JSON' };
  }
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return { status: 'invalid', problem: 'is not a JSON object of channel ids to slots' };
  const entries = Object.entries(state as Record<string, unknown>);
  const bad = entries.find(([, slot]) => typeof slot !== 'string');
  if (bad) return { status: 'invalid', problem: `has a slot for ${JSON.stringify(bad[0])} that is not a string` };
  for (const [channelId, slot] of entries as [string, string][]) {
    const key = { teamId, channelId, slot };
    if (await store.digests.claim(key)) await store.digests.settle(key, { status: 'posted' });
  }
  await store.meta.set(marker, new Date().toISOString());
  return { status: 'imported', slots: entries.length };
}
