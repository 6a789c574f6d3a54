import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.ts';
import { routeRequest } from '../../src/answer/reply.ts';
import { buildKnowledge } from '../../src/knowledge/build.ts';
import type { Knowledge } from '../../src/knowledge/schema.ts';
import type { Store, StoredArticle } from '../../src/store/index.ts';
import { createTeamBriefers } from '../../src/stories/team-briefers.ts';
import { seedBriefer } from '../helpers/knowledge.ts';

/** A store holding only a workspace's articles and their version, as the briefers read them. */
function articleStore(): { store: Store; put: (k: Knowledge) => void; drop: (id: string) => void } {
  const rows = new Map<string, StoredArticle>();
  let version = 0;
  let clock = 0;
  const store = {
    articles: {
      list: async () => [...rows.values()],
      version: async () => version,
    },
  } as unknown as Store;
  return {
    store,
    put: (k) => {
      rows.set(k.article.id, { teamId: 'T1', articleId: k.article.id, title: k.article.title, addedAt: new Date(++clock), knowledge: k });
      version += 1;
    },
    drop: (id) => {
      rows.delete(id);
      version += 1;
    },
  };
}

const story = (id: string, text: string): Knowledge => buildKnowledge({ id, text: `---\nTitle: ${id}\n---\n${text}` });

describe("a workspace's briefer", () => {
  it('answers from the new text of a story removed and added again under the same id', async () => {
    const { store, put, drop } = articleStore();
    const teams = createTeamBriefers({ store, bundled: seedBriefer() });
    put(story('zoo', 'The city zoo bought three zebras on Monday.'));
    const first = answerQuestion((await teams.forTeam('T1')).index, 'What did the zoo buy?');
    expect(first.citations[0]?.quote).toBe('The city zoo bought three zebras on Monday.');
    // Removed and added again before this replica serves the workspace: the version moved, the id did not.
    drop('zoo');
    put(story('zoo', 'The city zoo bought two giraffes on Tuesday.'));
    const second = answerQuestion((await teams.forTeam('T1')).index, 'What did the zoo buy?');
    expect(second.citations.map((c) => c.quote)).toEqual(['The city zoo bought two giraffes on Tuesday.']);
  });

  it('keeps answering from a briefer taken before a story was added to the shared index', async () => {
    const { store, put } = articleStore();
    const teams = createTeamBriefers({ store, bundled: seedBriefer() });
    for (let i = 0; i < 6; i++) put(story(`s${i}`, `Town ${i} opened a library on Monday.`));
    const before = await teams.forTeam('T1');
    put(story('s6', 'Town 6 opened a library on Friday.'));
    await teams.forTeam('T1');
    // The older briefer sees the newer story in the index it shares, but not its knowledge: it is left out, not an error.
    const reply = routeRequest(before, '');
    expect(reply.kind === 'briefing' && reply.briefings.length).toBeGreaterThan(0);
  });
});
