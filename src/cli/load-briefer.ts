import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createBrieferFromIndex, type Briefer } from '../answer/reply.ts';
import { openKnowledgeIndex, type OpenedIndex } from '../index-store/knowledge-index.ts';
import { readKnowledgeFile } from '../knowledge/load.ts';
import type { Knowledge } from '../knowledge/schema.ts';

/**
 * Opens the core over a knowledge directory: the persisted index (`matcher-index.bin`, brought up
 * to date or built and written when needed), with whole articles read from their files only when
 * a reply needs them. Throws `KnowledgeFileError`; `warn` hears an index that could not be written.
 */
export function openBriefer(dir: string, warn?: (line: string) => void): { briefer: Briefer; opened: OpenedIndex } {
  const opened = openKnowledgeIndex(dir, warn ? { warn } : {});
  const asIndexed = new Map(opened.manifest.map((f) => [f.id, f]));
  const warned = new Set<string>();
  // One story's file, as the index holds it: one removed, changed or broken since the start is left out (and said once), never half-read.
  const readStory = (id: string): Knowledge | undefined => {
    try {
      const file = join(dir, `${id}.json`);
      const st = statSync(file);
      const entry = asIndexed.get(id);
      if (entry && (st.size !== entry.size || st.mtimeMs !== entry.mtimeMs)) throw new Error(`${file} changed since the start (restart to answer from the new version)`);
      return readKnowledgeFile(dir, id);
    } catch (err) {
      if (!warned.has(id)) warn?.(`story ${id} left out: ${(err as Error).message}`);
      warned.add(id);
      return undefined;
    }
  };
  return { briefer: createBrieferFromIndex(opened.index, readStory), opened };
}

/** Loads every knowledge file in `dir` (through the persisted index) and makes the core over them; throws `KnowledgeFileError`. */
export function loadBriefer(dir: string): Briefer {
  return openBriefer(dir).briefer;
}
