import { parse as parseQuery } from 'node:querystring';

/** A signed body that makes sense to hand to Bolt, or why it does not. */
export type ParsedBody = { ok: true; body: Record<string, unknown>; kind: 'event' | 'command' | 'interaction' | 'url_verification' | 'other' } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The media type without parameters, lower-cased: "application/json". */
export function mediaType(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function parseJson(text: string, what: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: `${what} is not JSON` };
  }
}

function checkEnvelope(body: Record<string, unknown>): ParsedBody {
  if (typeof body.type !== 'string') return { ok: false, reason: 'the body has no "type"' };
  if (body.type === 'url_verification') {
    return typeof body.challenge === 'string' ? { ok: true, body, kind: 'url_verification' } : { ok: false, reason: 'url_verification without a "challenge"' };
  }
  if (body.type === 'event_callback') {
    if (typeof body.event_id !== 'string') return { ok: false, reason: 'event_callback without an "event_id"' };
    if (!isObject(body.event)) return { ok: false, reason: `event_callback ${body.event_id} whose "event" is ${body.event === null ? 'null' : typeof body.event === 'undefined' ? 'missing' : 'not an object'}` };
    if (typeof body.event.type !== 'string') return { ok: false, reason: `event_callback ${body.event_id} whose event has no "type"` };
    return { ok: true, body, kind: 'event' };
  }
  return { ok: true, body, kind: 'other' };
}

function checkInteraction(payload: Record<string, unknown>): ParsedBody {
  if (typeof payload.type !== 'string') return { ok: false, reason: 'the interaction payload has no "type"' };
  if (!isObject(payload.user) || typeof payload.user.id !== 'string') return { ok: false, reason: `${payload.type} payload without a "user.id"` };
  if (payload.type === 'block_actions' && (!Array.isArray(payload.actions) || payload.actions.length === 0 || !payload.actions.every(isObject))) {
    return { ok: false, reason: 'block_actions payload without "actions"' };
  }
  return { ok: true, body: payload, kind: 'interaction' };
}

/**
 * Parses and checks a signed request body before Bolt sees it: Bolt throws (and the process
 * exits) on `null`, and answers 500 (which Slack retries) on an event that is `null`. Anything
 * that is not an object of the shape Slack sends is refused with the reason, for a 400.
 */
export function parseSlackBody(raw: string, contentType: string): ParsedBody {
  if (contentType === 'application/json') {
    const parsed = parseJson(raw, 'the body');
    if (!parsed.ok) return parsed;
    if (!isObject(parsed.value)) return { ok: false, reason: `the body is ${Array.isArray(parsed.value) ? 'an array' : String(parsed.value === null ? 'null' : typeof parsed.value)}, not an object` };
    return checkEnvelope(parsed.value);
  }
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = parseQuery(raw);
    if ('payload' in form) {
      if (typeof form.payload !== 'string') return { ok: false, reason: 'more than one "payload" field' };
      const parsed = parseJson(form.payload, 'the payload');
      if (!parsed.ok) return parsed;
      if (!isObject(parsed.value)) return { ok: false, reason: `the payload is ${parsed.value === null ? 'null' : Array.isArray(parsed.value) ? 'an array' : typeof parsed.value}, not an object` };
      return checkInteraction(parsed.value);
    }
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(form)) {
      if (typeof value !== 'string') return { ok: false, reason: `more than one "${key}" field` };
      fields[key] = value;
    }
    if (typeof fields.command !== 'string' || !fields.command.startsWith('/')) return { ok: false, reason: 'a form body with neither "payload" nor a "command"' };
    if (typeof fields.response_url !== 'string' || typeof fields.user_id !== 'string') return { ok: false, reason: `${fields.command} without a "response_url" or "user_id"` };
    return { ok: true, body: fields, kind: 'command' };
  }
  return { ok: false, reason: `unsupported content type "${contentType || 'none'}"` };
}
