import { createBriefer, type Briefer } from '../answer/reply.ts';
import { loadKnowledgeDir } from '../knowledge/load.ts';

/** Loads every knowledge file in `dir` and builds the core over them; throws `KnowledgeFileError`. */
export function loadBriefer(dir: string): Briefer {
  return createBriefer(loadKnowledgeDir(dir));
}
