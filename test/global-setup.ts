import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openStore } from '../src/store/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, empty embedded store to copy: creating one costs ~3 s, copying ~0.2 s. */
    storeTemplate: string;
  }
}

/** Builds the store template once per run. */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-template-'));
  const store = await openStore({ dataDir: dir, owner: 'template', warn: () => undefined });
  await store.close();
  project.provide('storeTemplate', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
