import { z } from 'zod';
import type { Knowledge } from '../knowledge/schema.ts';
import { contentStems, nameKey } from '../nlp/text.ts';

/** A hand annotation ("gold") of one article: what a careful reader sees in it. */
export const goldSchema = z.object({
  article: z.string(),
  entities: z.array(
    z.object({
      name: z.string(),
      type: z.enum(['person', 'organization', 'country', 'place']),
      role: z.string().optional(),
      aliases: z.array(z.string()).default([]),
      worldKnowledgeAlias: z.string().optional(),
    }),
  ),
  quantities: z.array(z.object({ text: z.string(), value: z.union([z.number(), z.string()]), counts: z.string().optional(), sentence: z.string() })),
  dates: z.array(z.object({ text: z.string(), sentence: z.string() })),
  claims: z.array(
    z.object({
      speaker: z.string(),
      stance: z.enum(['says', 'believes', 'alleges', 'denies', 'warns', 'confirms', 'not-confirmed']),
      verb: z.string().optional(),
      sentence: z.string(),
      affiliation: z.string().optional(),
      inQuote: z.boolean().optional(),
    }),
  ),
});

/** A validated gold file. */
export type Gold = z.infer<typeof goldSchema>;

/** Counts behind precision and recall of one category. */
export interface Tally {
  /** Build items that match gold. */
  truePositives: number;
  /** Build items, and gold items. */
  predicted: number;
  expected: number;
  /** Gold items matched by some build item (recall's numerator; can differ from truePositives when one build item matches two gold ones). */
  found: number;
}

/** Precision, recall and F1 of a tally. */
export function f1(t: Tally): { precision: number; recall: number; f1: number } {
  const precision = t.predicted === 0 ? 1 : t.truePositives / t.predicted;
  const recall = t.expected === 0 ? 1 : t.found / t.expected;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** The categories the build is scored on. */
export const FIDELITY_CATEGORIES = ['entities', 'roles', 'claims', 'quantities', 'dates'] as const;
/** One category. */
export type FidelityCategory = (typeof FIDELITY_CATEGORIES)[number];

/** How a built article compares with its gold: a tally per category, and what did not match, for reading. */
export interface FidelityReport {
  article: string;
  tallies: Record<FidelityCategory, Tally>;
  /** Among matched claims, the stance agreed; among matched quantities, what they count agreed. */
  stanceAgreed: [number, number];
  countsAgreed: [number, number];
  misses: string[];
}

const tally = (): Tally => ({ truePositives: 0, predicted: 0, expected: 0, found: 0 });

/** Adds two sets of tallies. */
export function addTallies(a: Record<FidelityCategory, Tally>, b: Record<FidelityCategory, Tally>): Record<FidelityCategory, Tally> {
  const out = {} as Record<FidelityCategory, Tally>;
  for (const c of FIDELITY_CATEGORIES) out[c] = { truePositives: a[c].truePositives + b[c].truePositives, predicted: a[c].predicted + b[c].predicted, expected: a[c].expected + b[c].expected, found: a[c].found + b[c].found };
  return out;
}

/** Empty tallies, to add to. */
export function emptyTallies(): Record<FidelityCategory, Tally> {
  return { entities: tally(), roles: tally(), claims: tally(), quantities: tally(), dates: tally() };
}

const kind = (type: string): string => (type === 'group' ? 'organization' : type);
const overlap = (a: string, b: string): boolean => {
  const sa = new Set(contentStems(a));
  return contentStems(b).some((s) => sa.has(s));
};

/**
 * Scores a built knowledge file against its gold annotation. Entities match by any name or
 * alias of either side and must agree on type; a role matches when it shares the gold role's
 * title word; a claim matches when it is in the gold sentence and its speaker is the gold
 * speaker (by entity, by affiliation, or by a shared word for an unnamed source); a quantity
 * matches by sentence and value; a date by sentence and a shared word.
 */
export function scoreFidelity(k: Knowledge, gold: Gold): FidelityReport {
  const tallies = emptyTallies();
  const misses: string[] = [];
  const sentences = k.paragraphs.flatMap((p) => p.sentences);
  const sentenceOf = (substring: string): string | undefined => sentences.find((s) => s.text.includes(substring))?.id;
  // "Russia's Foreign Ministry" is the "Foreign Ministry" a build names with Russia as its affiliation.
  const keysOf = (names: readonly string[]): Set<string> => new Set(names.flatMap((n) => [nameKey(n), nameKey(n.replace(/^\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?['’]s\s+/u, ''))]));

  // Entities
  const goldKeys = gold.entities.map((g) => keysOf([g.name, ...g.aliases]));
  const buildKeys = k.entities.map((e) => keysOf([e.name, ...e.aliases]));
  const sameEntity = (gi: number, bi: number): boolean => [...(goldKeys[gi] as Set<string>)].some((key) => (buildKeys[bi] as Set<string>).has(key));
  const entityMatch = new Map<number, number>();
  gold.entities.forEach((g, gi) => {
    const bi = k.entities.findIndex((e, i) => sameEntity(gi, i) && kind(e.type) === g.type);
    if (bi >= 0) entityMatch.set(gi, bi);
    else misses.push(`entity missed: ${g.name} (${g.type})${k.entities.findIndex((_, i) => sameEntity(gi, i)) >= 0 ? ' [typed otherwise]' : ''}`);
  });
  tallies.entities.expected = gold.entities.length;
  tallies.entities.found = entityMatch.size;
  tallies.entities.predicted = k.entities.length;
  k.entities.forEach((e, bi) => {
    if (gold.entities.some((g, gi) => sameEntity(gi, bi) && g.type === kind(e.type))) tallies.entities.truePositives++;
    else misses.push(`entity extra: ${e.name} (${e.type})`);
  });

  // Roles of the people both sides have
  for (const [gi, bi] of entityMatch) {
    const g = gold.entities[gi];
    const e = k.entities[bi];
    if (!g || !e || g.type !== 'person') continue;
    if (g.role) tallies.roles.expected++;
    if (e.role) tallies.roles.predicted++;
    if (g.role && e.role && overlap(g.role, e.role)) {
      tallies.roles.found++;
      tallies.roles.truePositives++;
    } else if (g.role || e.role) misses.push(`role: ${g.name}: gold "${g.role ?? ''}", built "${e.role ?? ''}"`);
  }

  // Claims
  const entityByName = (name: string): number => gold.entities.findIndex((g) => keysOf([g.name, ...g.aliases]).has(nameKey(name)));
  const speakerMatches = (gc: Gold['claims'][number], c: Knowledge['claims'][number]): boolean => {
    const be = k.entities.findIndex((e) => e.id === c.speakerId);
    for (const name of [gc.speaker, gc.affiliation].filter((x): x is string => x !== undefined)) {
      const gi = entityByName(name);
      if (gi >= 0 && be >= 0 && sameEntity(gi, be)) return true;
      if (gi >= 0 && keysOf([gold.entities[gi]?.name ?? '', ...(gold.entities[gi]?.aliases ?? [])]).has(nameKey(c.speaker))) return true;
    }
    return /^\p{Ll}/u.test(gc.speaker) && overlap(gc.speaker, c.speaker);
  };
  const stanceAgreed: [number, number] = [0, 0];
  tallies.claims.expected = gold.claims.length;
  tallies.claims.predicted = k.claims.length;
  const goldClaimSentence = gold.claims.map((gc) => sentenceOf(gc.sentence));
  gold.claims.forEach((gc, i) => {
    const match = k.claims.find((c) => c.sentenceId === goldClaimSentence[i] && speakerMatches(gc, c));
    if (match) {
      tallies.claims.found++;
      stanceAgreed[1]++;
      if (match.stance === gc.stance) stanceAgreed[0]++;
    } else misses.push(`claim missed: ${gc.speaker} ${gc.stance} "${gc.sentence}"`);
  });
  for (const c of k.claims) {
    if (gold.claims.some((gc, i) => goldClaimSentence[i] === c.sentenceId && speakerMatches(gc, c))) tallies.claims.truePositives++;
    else misses.push(`claim extra: ${c.speaker} ${c.stance} ${c.sentenceId} (${c.verb})`);
  }

  // Quantities
  const countsAgreed: [number, number] = [0, 0];
  const sameValue = (g: Gold['quantities'][number], q: Knowledge['quantities'][number]): boolean =>
    typeof g.value === 'number' ? q.value !== undefined && Math.abs(q.value - g.value) <= Math.abs(g.value) * 0.01 : q.text.includes(g.value);
  tallies.quantities.expected = gold.quantities.length;
  tallies.quantities.predicted = k.quantities.length;
  const goldQuantitySentence = gold.quantities.map((g) => sentenceOf(g.sentence));
  gold.quantities.forEach((g, i) => {
    const match = k.quantities.find((q) => q.sentenceId === goldQuantitySentence[i] && sameValue(g, q));
    if (match) {
      tallies.quantities.found++;
      if (g.counts) {
        countsAgreed[1]++;
        if (match.counts && overlap(g.counts, `${match.counts} ${match.unit ?? ''}`)) countsAgreed[0]++;
        else misses.push(`counts: ${g.text}: gold "${g.counts}", built "${match.counts ?? ''}"`);
      }
    } else misses.push(`quantity missed: ${g.text} = ${g.value}`);
  });
  for (const q of k.quantities) {
    if (gold.quantities.some((g, i) => goldQuantitySentence[i] === q.sentenceId && sameValue(g, q))) tallies.quantities.truePositives++;
    else misses.push(`quantity extra: ${q.text} (${q.value ?? '?'}) ${q.sentenceId}`);
  }

  // Dates
  tallies.dates.expected = gold.dates.length;
  tallies.dates.predicted = k.dates.length;
  const goldDateSentence = gold.dates.map((g) => sentenceOf(g.sentence));
  const sameDate = (g: Gold['dates'][number], d: Knowledge['dates'][number]): boolean => g.text.toLowerCase().includes(d.text.toLowerCase()) || d.text.toLowerCase().includes(g.text.toLowerCase()) || overlap(g.text, d.text);
  gold.dates.forEach((g, i) => {
    if (k.dates.some((d) => d.sentenceId === goldDateSentence[i] && sameDate(g, d))) tallies.dates.found++;
    else misses.push(`date missed: ${g.text}`);
  });
  for (const d of k.dates) {
    if (gold.dates.some((g, i) => goldDateSentence[i] === d.sentenceId && sameDate(g, d))) tallies.dates.truePositives++;
    else misses.push(`date extra: ${d.text} ${d.sentenceId}`);
  }
  return { article: gold.article, tallies, stanceAgreed, countsAgreed, misses };
}
