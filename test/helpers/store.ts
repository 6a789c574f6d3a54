import { cpSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';

const made: string[] = [];

// Each test file removes the directories it made (a store is about 40 MB: on a busy disk, a file's
// worth can take longer than the default hook time-out).
afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}, 120_000);

/** A new temporary directory, removed after the test file. */
export function tempDir(prefix = 'briefing-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A new DATA_DIR holding an empty, migrated embedded store (a copy of the run's template), removed after the test file. */
export function freshDataDir(): string {
  const dir = tempDir('briefing-data-');
  cpSync(join(inject('storeTemplate'), 'pglite'), join(dir, 'pglite'), { recursive: true });
  return dir;
}
