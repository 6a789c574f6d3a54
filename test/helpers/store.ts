import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

/** A new DATA_DIR holding an empty, migrated embedded store (a copy of the run's template). */
export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-data-'));
  cpSync(join(inject('storeTemplate'), 'pglite'), join(dir, 'pglite'), { recursive: true });
  return dir;
}
