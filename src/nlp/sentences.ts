/**
 * Sentence splitting for news text: `Intl.Segmenter` (built into Node), then two repairs it
 * needs. A title or initialism before a capitalised word does not end a sentence ("New U.S.
 * Treasury Secretary …", "Dr. Ruiz", "6:15 a.m. Monday"), and quoted speech stays whole while
 * its quotation marks balance. Linear in the paragraph's length.
 */

/** Abbreviations that never end a sentence: titles and other short forms always followed by more. */
const TITLE_ABBREVIATION = /(?:^|[\s("“‘])(?:Mr|Mrs|Ms|Dr|St|Mt|Ft|Gen|Lt|Col|Capt|Cpt|Sgt|Adm|Sen|Rep|Gov|Prof|Rev|Fr|Hon|Pres|Supt|Insp|Det|No|Nos|vs|v|c|ca|approx|e\.g|i\.e|cf|Co|Bros|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.\s*$/;
/** Initialisms and clock abbreviations ("U.S.", "U.N.", "a.m."): a sentence may end with them, but not before a capitalised word. */
const INITIALISM = /(?:^|[\s("“‘])(?:\p{L}\.){2,}\s*$/u;

/**
 * Company suffixes ("Inc.", "Ltd.", "Corp."): they close a name, so before a capitalised word they
 * end the sentence ("… by Acme Holdings Ltd. Union leaders said …"), unless another suffix follows
 * ("Corp. Ltd."); before anything else they do not ("Quintal Inc. 265 million euros", "Ltd.'s").
 */
const COMPANY_SUFFIX = /(?:^|[\s("“‘])(?:Inc|Corp|Ltd|Plc|plc|LLC|Pty|GmbH)\.\s*$/;
const SUFFIX_NEXT = /^\s*(?:Inc|Corp|Ltd|Plc|plc|LLC|Pty|GmbH)\b/;

let segmenter: Intl.Segmenter | undefined;

/** Whether the paragraph's quotation marks pair up, so that "inside a quotation" can be trusted. */
function quotesBalance(paragraph: string): boolean {
  const straight = (paragraph.match(/"/g) ?? []).length;
  const open = (paragraph.match(/“/g) ?? []).length;
  const close = (paragraph.match(/”/g) ?? []).length;
  return straight % 2 === 0 && open === close;
}

/** Quotation depth after `text`, starting from `depth` (straight quotes toggle; curly ones open and close). */
function quoteDepth(text: string, depth: number): number {
  let d = depth;
  for (const ch of text) {
    if (ch === '“') d++;
    else if (ch === '”') d = Math.max(0, d - 1);
    else if (ch === '"') d = d > 0 ? d - 1 : d + 1;
  }
  return d;
}

/** Splits a paragraph into sentences, trimmed, in order. */
export function splitSentences(paragraph: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const trackQuotes = quotesBalance(paragraph);
  const out: string[] = [];
  let pending = '';
  let depth = 0;
  const segments = [...segmenter.segment(paragraph)].map((s) => s.segment);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    pending += segment;
    depth = trackQuotes ? quoteDepth(segment, depth) : 0;
    const next = segments[i + 1];
    if (next !== undefined) {
      if (COMPANY_SUFFIX.test(pending)) {
        if (!/^\s*["“‘(]?\p{Lu}/u.test(next) || SUFFIX_NEXT.test(next)) continue;
      } else if (TITLE_ABBREVIATION.test(pending)) continue;
      if (INITIALISM.test(pending) && /^\s*["“‘(]?\p{Lu}/u.test(next)) continue;
      if (depth > 0) continue;
    }
    if (pending.trim().length > 0) out.push(pending.trim());
    pending = '';
  }
  if (pending.trim().length > 0) out.push(pending.trim());
  return out;
}
