/*
 * Growable typed arrays and posting tables: the storage the matcher's index is made of. A typed
 * array here may be longer than what it holds (its capacity); the index keeps the counts.
 */

/** Typed arrays the index stores. */
export type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** `a` itself when it holds at least `need` items, else a copy 1.5 times larger (at least `need`). */
export function ensureCapacity<T extends Column>(a: T, need: number): T {
  if (a.length >= need) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, Math.ceil(a.length * 1.5) + 16));
  next.set(a);
  return next;
}

/** A column of vocabulary ids: 16-bit while the vocabulary has at most 65 536 strings, 32-bit past that. */
export type IdColumn = Uint16Array | Uint32Array;

/** An empty id column (16-bit). */
export function createIdColumn(): IdColumn {
  return new Uint16Array(16);
}

/** `ids` itself when it can hold `id`, else a 32-bit copy (same length). */
export function widenFor(ids: IdColumn, id: number): IdColumn {
  return id > 0xffff && ids instanceof Uint16Array ? Uint32Array.from(ids) : ids;
}

/** A vocabulary: strings numbered from 0 in the order they were first seen. */
export interface Vocabulary {
  ids: Map<string, number>;
  strings: string[];
}

/** An empty vocabulary. */
export function createVocabulary(strings: readonly string[] = []): Vocabulary {
  return { ids: new Map(strings.map((s, i) => [s, i])), strings: [...strings] };
}

/** The id of `s`, adding it when new. */
export function internString(v: Vocabulary, s: string): number {
  let id = v.ids.get(s);
  if (id === undefined) {
    id = v.strings.length;
    v.ids.set(s, id);
    v.strings.push(s);
  }
  return id;
}

/**
 * Posting lists by key: an immutable compressed part (`offsets`/`entries`, one ascending run per
 * key) and a part for entries added since (`delta`), each list ascending and after the base one.
 */
export interface PostingTable {
  /** Key k's base entries are `entries[offsets[k]] … entries[offsets[k + 1] - 1]`; keys past `offsets.length - 2` have none. */
  offsets: Uint32Array;
  entries: Uint32Array;
  delta: Map<number, number[]>;
  /** Entries in `delta`. */
  deltaSize: number;
}

/** An empty posting table. */
export function createPostingTable(): PostingTable {
  return { offsets: new Uint32Array(1), entries: new Uint32Array(0), delta: new Map(), deltaSize: 0 };
}

/** Appends an entry to key's list (entries must come in ascending order per key). */
export function addPosting(table: PostingTable, key: number, entry: number): void {
  let list = table.delta.get(key);
  if (!list) table.delta.set(key, (list = []));
  list.push(entry);
  table.deltaSize++;
}

/** How many entries key has. */
export function postingCount(table: PostingTable, key: number): number {
  const base = key + 1 < table.offsets.length ? (table.offsets[key + 1] as number) - (table.offsets[key] as number) : 0;
  return base + (table.delta.get(key)?.length ?? 0);
}

/** Calls `fn` on every entry of key's list, in order. */
export function forEachPosting(table: PostingTable, key: number, fn: (entry: number) => void): void {
  if (key + 1 < table.offsets.length) {
    const end = table.offsets[key + 1] as number;
    for (let j = table.offsets[key] as number; j < end; j++) fn(table.entries[j] as number);
  }
  const delta = table.delta.get(key);
  if (delta) for (const e of delta) fn(e);
}

/** Folds `delta` into the compressed part: one pass over every entry. */
export function compactPostings(table: PostingTable, keyCount: number): void {
  if (table.deltaSize === 0 && table.offsets.length >= keyCount + 1) return;
  const offsets = new Uint32Array(keyCount + 1);
  for (let k = 0; k < keyCount; k++) offsets[k + 1] = (offsets[k] as number) + postingCount(table, k);
  const entries = new Uint32Array(offsets[keyCount] as number);
  for (let k = 0; k < keyCount; k++) {
    let at = offsets[k] as number;
    if (k + 1 < table.offsets.length) {
      entries.set(table.entries.subarray(table.offsets[k], table.offsets[k + 1]), at);
      at += (table.offsets[k + 1] as number) - (table.offsets[k] as number);
    }
    const delta = table.delta.get(k);
    if (delta) entries.set(delta, at);
  }
  table.offsets = offsets;
  table.entries = entries;
  table.delta = new Map();
  table.deltaSize = 0;
}
