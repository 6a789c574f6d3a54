import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';

const made: string[] = [];

// Each test file removes the directories it made (a store is about 40 MB).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

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
