import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { routeConversation, routeRequest, type Briefer } from '../answer/reply.ts';
import { renderReplyText } from './render-text.ts';

/**
 * What the bot would say to one terminal line: `/briefing …` as the slash command (ephemeral,
 * with its Share button), anything else as an @mention. Rendered from the same Block Kit.
 */
export function terminalReply(briefer: Briefer, line: string): string {
  const slash = /^\/briefing\b\s*(.*)$/i.exec(line.trim());
  if (slash) {
    const text = slash[1] ?? '';
    return renderReplyText(routeRequest(briefer, text), briefer.articles, { shareRequest: text, invocation: '/briefing' });
  }
  return renderReplyText(routeConversation(briefer, line), briefer.articles, { invocation: '/briefing' });
}

/** The terminal mode: reads lines until EOF or "exit", answering each as the bot would. */
export async function runTerminal(briefer: Briefer, input: Readable, output: Writable, interactive: boolean): Promise<void> {
  const titles = briefer.articles.map((k) => `  • ${k.article.title} (${k.article.id})`).join('\n');
  output.write(
    `Briefing — terminal mode (no Slack credentials set). Answering from:\n${titles}\n` +
      `Type a question as you would @mention the bot, or "/briefing", "/briefing topics", "/briefing ask …", "/briefing help". "exit" quits.\n`,
  );
  const rl = createInterface({ input, ...(interactive ? { output, prompt: 'briefing> ' } : {}), terminal: interactive });
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === 'exit' || trimmed === 'quit') break;
    if (trimmed !== '') output.write(`${terminalReply(briefer, trimmed)}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
