import { createHmac, timingSafeEqual } from 'node:crypto';
import { SLACK_LIMITS } from './format.ts';

/** What a "Share in channel" button refers to: who asked what, where. */
export interface ShareReference {
  teamId: string;
  channelId: string;
  userId: string;
  /** The `/briefing` text that was answered. */
  request: string;
}

/**
 * The key that signs share buttons, derived from a secret every replica has (the signing
 * secret, or the app token in Socket Mode), so no new setting is needed and replicas agree.
 */
export function deriveShareKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('briefing:share-button:v1').digest();
}

function mac(ref: ShareReference, key: Buffer): string {
  return createHmac('sha256', key).update(JSON.stringify([ref.teamId, ref.channelId, ref.userId, ref.request])).digest('base64url');
}

/**
 * The button's value: the reference and its HMAC, as JSON within Slack's 2 000 characters
 * (a very long request is cut; the matcher reads the first 1 000 characters anyway).
 */
export function signShareValue(ref: ShareReference, key: Buffer): string {
  let request = ref.request;
  for (;;) {
    const signed = { ...ref, request };
    const value = JSON.stringify({ t: signed.teamId, c: signed.channelId, u: signed.userId, q: request, s: mac(signed, key) });
    if (value.length <= SLACK_LIMITS.buttonValue - 10) return value;
    request = [...request].slice(0, Math.max(0, [...request].length - (value.length - SLACK_LIMITS.buttonValue + 10) - 1)).join('');
  }
}

/** The reference a value carries if Briefing signed it with `key`; undefined for anything forged or altered. */
export function verifyShareValue(value: string, key: Buffer): ShareReference | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  const v = parsed as { t?: unknown; c?: unknown; u?: unknown; q?: unknown; s?: unknown };
  if (typeof v !== 'object' || v === null || typeof v.t !== 'string' || typeof v.c !== 'string' || typeof v.u !== 'string' || typeof v.q !== 'string' || typeof v.s !== 'string') return undefined;
  const ref: ShareReference = { teamId: v.t, channelId: v.c, userId: v.u, request: v.q };
  const expected = Buffer.from(mac(ref, key));
  const given = Buffer.from(v.s);
  return given.length === expected.length && timingSafeEqual(given, expected) ? ref : undefined;
}
