import { createBrieferFromIndex, type Briefer } from '../answer/reply.ts';
import { openKnowledgeIndex, readKnowledge, type OpenedIndex } from '../index-store/knowledge-index.ts';
import { loadKnowledgeDir } from '../knowledge/load.ts';

/**
 * Opens the core over a knowledge directory: the persisted index (`matcher-index.bin`, brought up
 * to date or built and written when needed), with whole articles read from their files only when
 * a reply needs them. Throws `KnowledgeFileError`; `warn` hears an index that could not be written.
 */
export function openBriefer(dir: string, warn?: (line: string) => void): { briefer: Briefer; opened: OpenedIndex } {
  const opened = openKnowledgeIndex(dir, warn ? { warn } : {});
  return { briefer: createBrieferFromIndex(opened.index, () => loadKnowledgeDir(dir), undefined, (id) => readKnowledge(dir, id)), opened };
}

/** Loads every knowledge file in `dir` (through the persisted index) and makes the core over them; throws `KnowledgeFileError`. */
export function loadBriefer(dir: string): Briefer {
  return openBriefer(dir).briefer;
}
