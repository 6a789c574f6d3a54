import { z } from 'zod';

/** Version of the knowledge file format this code reads and writes. */
export const KNOWLEDGE_SCHEMA_VERSION = 2;

/** Article ids double as file names: lower-case words joined by dashes. */
export const articleIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be lower-case letters and digits joined by "-" or "_"');

/** Sentence ids are `p<paragraph>.s<sentence>`, both counted from 1. */
export const sentenceIdSchema = z.string().regex(/^p[1-9]\d*\.s[1-9]\d*$/, 'must look like "p3.s1"');

/** What a sentence can answer: the answer types the matcher checks a question's intent against. */
export const answerTypeSchema = z.enum(['date', 'quantity', 'person', 'organization', 'country', 'place', 'reason']);

/** Aspects a sentence says are not known ("the timing remains undisclosed"). */
export const unknownAspectSchema = z.enum(['quantity', 'time', 'place', 'identity', 'reason']);

/** One sentence, verbatim, with the evidence the build found in it. */
export const sentenceSchema = z.strictObject({
  id: sentenceIdSchema,
  text: z.string().min(1),
  /** Answer types present in the sentence. */
  types: z.array(answerTypeSchema).default([]),
  /** The sentence is negated ("has not confirmed", "never"). */
  negated: z.boolean().default(false),
  /** Aspects the sentence states as unknown or undisclosed. */
  unknown: z.array(unknownAspectSchema).default([]),
});

/** A paragraph: its sentences in reading order. */
export const paragraphSchema = z.strictObject({
  id: z.string().regex(/^p[1-9]\d*$/, 'must look like "p3"'),
  sentences: z.array(sentenceSchema).min(1),
});

/** Kinds of named entity the build recognises. */
export const entityTypeSchema = z.enum(['person', 'organization', 'country', 'place', 'group']);

/** A named entity, the names it goes by and where the article mentions it. */
export const entitySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug'),
  name: z.string().min(1),
  type: entityTypeSchema,
  /** For people: the title or role the article gives them ("CIA Director"). */
  role: z.string().min(1).optional(),
  /** Other names, including abbreviations, capitals used for governments and demonyms. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Ids of the organisations and countries it speaks for or belongs to ("united-states" for "U.S. Energy Secretary …"). */
  affiliations: z.array(z.string()).default([]),
  sentenceIds: z.array(sentenceIdSchema).min(1),
});

/** A number with what it counts, as written. */
export const quantitySchema = z.strictObject({
  text: z.string().min(1),
  value: z.number().optional(),
  unit: z.string().optional(),
  /** What it counts or measures, as written ("sailors", "winds", "consumer prices"). */
  counts: z.string().min(1).optional(),
  /** The verb it is the subject or object of, as written ("died" in "46 sailors died", "killing" in "killing 46 sailors"). */
  event: z.string().min(1).optional(),
  /** The article gives it as an estimate or a bound ("more than", "about", "at least"). */
  approximate: z.boolean().optional(),
  sentenceId: sentenceIdSchema,
});

/** A date or time expression as written. */
export const dateSchema = z.strictObject({
  text: z.string().min(1),
  sentenceId: sentenceIdSchema,
});

/** How a source stands towards what it says. */
export const claimStanceSchema = z.enum(['says', 'believes', 'alleges', 'denies', 'warns', 'confirms', 'not-confirmed']);

/** An attributed statement: who says (denies, warns, …) what, and where. */
export const claimSchema = z.strictObject({
  id: z.string().regex(/^c[1-9]\d*$/, 'must look like "c1"'),
  /** The speaker as named in the article (a pronoun is resolved to the previous speaker). */
  speaker: z.string().min(1),
  /** The speaker's entity id, when it is a known entity. */
  speakerId: z.string().optional(),
  stance: claimStanceSchema,
  /** The reporting verb as written ("has denied"). */
  verb: z.string().min(1),
  sentenceId: sentenceIdSchema,
  /** A sentence of quoted speech whose speaker is named in another sentence of the same quotation. */
  inQuote: z.boolean().optional(),
});

/** A group of sentences for briefings and digests. */
export const topicSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug'),
  name: z.string().min(1),
  /** The sentence that sums the topic up; it is first in `sentenceIds`. */
  sentenceIds: z.array(sentenceIdSchema).min(1),
  /** A question that this topic answers, offered as a suggestion. */
  suggestion: z.string().min(1),
});

/** Article metadata. */
export const articleMetaSchema = z.strictObject({
  id: articleIdSchema,
  title: z.string().min(1),
  headline: z.string().min(1),
  source: z.string().min(1).optional(),
  url: z.url().optional(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be an ISO date like 2024-09-06').optional(),
});

/** The knowledge file: one article made structured. The one source of truth for its shape. */
export const knowledgeSchema = z
  .strictObject({
    schemaVersion: z.literal(KNOWLEDGE_SCHEMA_VERSION),
    article: articleMetaSchema,
    paragraphs: z.array(paragraphSchema).min(1),
    entities: z.array(entitySchema).default([]),
    quantities: z.array(quantitySchema).default([]),
    dates: z.array(dateSchema).default([]),
    claims: z.array(claimSchema).default([]),
    topics: z.array(topicSchema).min(1),
  })
  .superRefine((k, ctx) => {
    const ids = new Set<string>();
    k.paragraphs.forEach((p, pi) => {
      if (p.id !== `p${pi + 1}`) {
        ctx.addIssue({ code: 'custom', path: ['paragraphs', pi, 'id'], message: `expected "p${pi + 1}", got "${p.id}"` });
      }
      p.sentences.forEach((s, si) => {
        const expected = `p${pi + 1}.s${si + 1}`;
        if (s.id !== expected) {
          ctx.addIssue({ code: 'custom', path: ['paragraphs', pi, 'sentences', si, 'id'], message: `expected "${expected}", got "${s.id}"` });
        }
        ids.add(s.id);
      });
    });
    const checkRef = (id: string, path: (string | number)[]): void => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `refers to sentence "${id}", which the article does not have` });
    };
    k.entities.forEach((e, i) => e.sentenceIds.forEach((id, j) => checkRef(id, ['entities', i, 'sentenceIds', j])));
    k.quantities.forEach((q, i) => checkRef(q.sentenceId, ['quantities', i, 'sentenceId']));
    k.dates.forEach((d, i) => checkRef(d.sentenceId, ['dates', i, 'sentenceId']));
    k.claims.forEach((c, i) => checkRef(c.sentenceId, ['claims', i, 'sentenceId']));
    k.topics.forEach((t, i) => t.sentenceIds.forEach((id, j) => checkRef(id, ['topics', i, 'sentenceIds', j])));
    const entityIds = new Set<string>();
    k.entities.forEach((e, i) => {
      if (entityIds.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entities', i, 'id'], message: `duplicate entity id "${e.id}"` });
      entityIds.add(e.id);
    });
    k.entities.forEach((e, i) =>
      e.affiliations.forEach((id, j) => {
        if (!entityIds.has(id)) ctx.addIssue({ code: 'custom', path: ['entities', i, 'affiliations', j], message: `refers to entity "${id}", which the file does not have` });
      }),
    );
    k.claims.forEach((c, i) => {
      if (c.speakerId !== undefined && !entityIds.has(c.speakerId)) {
        ctx.addIssue({ code: 'custom', path: ['claims', i, 'speakerId'], message: `refers to entity "${c.speakerId}", which the file does not have` });
      }
    });
  });

/** A validated knowledge file. */
export type Knowledge = z.infer<typeof knowledgeSchema>;
/** A knowledge file before defaults are applied (what a file may contain). */
export type KnowledgeInput = z.input<typeof knowledgeSchema>;
/** One sentence of a knowledge file. */
export type Sentence = z.infer<typeof sentenceSchema>;
/** One entity of a knowledge file. */
export type Entity = z.infer<typeof entitySchema>;
/** One claim of a knowledge file. */
export type Claim = z.infer<typeof claimSchema>;
/** One topic of a knowledge file. */
export type Topic = z.infer<typeof topicSchema>;
/** An answer type a sentence can carry. */
export type AnswerType = z.infer<typeof answerTypeSchema>;
/** An aspect a sentence can state as unknown. */
export type UnknownAspect = z.infer<typeof unknownAspectSchema>;
/** The entity kinds. */
export type EntityType = z.infer<typeof entityTypeSchema>;
/** How a claim's speaker stands towards it. */
export type ClaimStance = z.infer<typeof claimStanceSchema>;
/** Article metadata. */
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

/** The overlay file next to an article: curated extras the build merges. All optional. */
export const overlaySchema = z.strictObject({
  title: z.string().min(1).optional(),
  headline: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  url: z.url().optional(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be an ISO date like 2024-09-06').optional(),
  /** Extra entities a general model misses, or aliases for ones it finds (matched by name). */
  entities: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        type: entityTypeSchema,
        role: z.string().min(1).optional(),
        aliases: z.array(z.string().min(1)).default([]),
      }),
    )
    .default([]),
  /** Topic names and suggestions for paragraphs, by paragraph id; sentences may be chosen explicitly. */
  topics: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        sentenceIds: z.array(sentenceIdSchema).min(1),
        suggestion: z.string().min(1).optional(),
      }),
    )
    .optional(),
});

/** A validated overlay. */
export type Overlay = z.infer<typeof overlaySchema>;
