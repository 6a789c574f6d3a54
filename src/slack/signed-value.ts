import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signs a small JSON value (a button's value, a modal's private metadata) with an HMAC under
 * `key` and a purpose, so a forged or altered value, or one made for another purpose, is
 * refused. The value stays readable JSON: `{"d": data, "s": mac}`.
 */
export function signValue(purpose: string, data: unknown, key: Buffer): string {
  const body = JSON.stringify(data);
  const mac = createHmac('sha256', key).update(`${purpose}\n${body}`).digest('base64url');
  return JSON.stringify({ d: data, s: mac });
}

/** The data a value carries if Briefing signed it for `purpose` with `key`; undefined otherwise. */
export function verifyValue(purpose: string, value: string, key: Buffer): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !('d' in parsed) || !('s' in parsed) || typeof parsed.s !== 'string') return undefined;
  const expected = Buffer.from(createHmac('sha256', key).update(`${purpose}\n${JSON.stringify(parsed.d)}`).digest('base64url'));
  const given = Buffer.from(parsed.s);
  return given.length === expected.length && timingSafeEqual(given, expected) ? parsed.d : undefined;
}

/** What the answer buttons (👍, 👎, wrong sentence, why) refer to: the question asked where, and the sentence cited. */
export interface AnswerRef {
  teamId: string;
  channelId: string;
  question: string;
  /** The cited sentence; empty for a decline. */
  articleId: string;
  sentenceId: string;
  /** The channel's story when it was asked. */
  scope: string[];
}

const ANSWER_PURPOSE = 'briefing:answer-buttons:v1';

/** The value of an answer's buttons, within Slack's 2 000 characters (a long question is cut). */
export function signAnswerRef(ref: AnswerRef, key: Buffer): string {
  let question = ref.question;
  for (;;) {
    const value = signValue(ANSWER_PURPOSE, [ref.teamId, ref.channelId, question, ref.articleId, ref.sentenceId, ref.scope], key);
    if (value.length <= 1_990) return value;
    question = [...question].slice(0, Math.max(0, [...question].length - (value.length - 1_990) - 1)).join('');
  }
}

/** The reference a button carries if Briefing signed it; undefined for anything forged. */
export function verifyAnswerRef(value: string, key: Buffer): AnswerRef | undefined {
  const d = verifyValue(ANSWER_PURPOSE, value, key);
  if (!Array.isArray(d) || d.length !== 6) return undefined;
  const [teamId, channelId, question, articleId, sentenceId, scope] = d as unknown[];
  if (typeof teamId !== 'string' || typeof channelId !== 'string' || typeof question !== 'string' || typeof articleId !== 'string' || typeof sentenceId !== 'string') return undefined;
  if (!Array.isArray(scope) || !scope.every((x) => typeof x === 'string')) return undefined;
  return { teamId, channelId, question, articleId, sentenceId, scope: scope as string[] };
}

/** Who opened the add-article form, where: carried in the modal's private metadata. */
export interface AddFormRef {
  teamId: string;
  channelId: string;
  userId: string;
  /** The slash command's response_url, for the ephemeral confirmation in the channel. */
  responseUrl: string;
}

const ADD_FORM_PURPOSE = 'briefing:add-form:v1';

/** The add form's private metadata (Slack allows 3 000 characters). */
export function signAddFormRef(ref: AddFormRef, key: Buffer): string {
  return signValue(ADD_FORM_PURPOSE, [ref.teamId, ref.channelId, ref.userId, ref.responseUrl], key);
}

/** The form's reference if Briefing signed it; undefined otherwise. */
export function verifyAddFormRef(value: string, key: Buffer): AddFormRef | undefined {
  const d = verifyValue(ADD_FORM_PURPOSE, value, key);
  if (!Array.isArray(d) || d.length !== 4 || !d.every((x) => typeof x === 'string')) return undefined;
  const [teamId, channelId, userId, responseUrl] = d as string[];
  return { teamId: teamId ?? '', channelId: channelId ?? '', userId: userId ?? '', responseUrl: responseUrl ?? '' };
}
