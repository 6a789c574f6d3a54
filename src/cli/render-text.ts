import type { Reply } from '../answer/reply.ts';
export function renderReplyText(reply: Reply): string { return JSON.stringify(reply, null, 2); }
