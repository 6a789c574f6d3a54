// The store's public face: the rest of the app imports from here.
export { openStore, type OpenStoreOptions } from './open-store.ts';
export { importLegacyDigestState, type LegacyImport } from './legacy-digest-state.ts';
export { EVENT_CLAIM_TTL_MS, REQUEST_REPLAY_WINDOW_MS, type AddArticleResult, type ChannelSchedule, type ChannelSettings, type DigestCoverage, type DigestSlotKey, type FeedbackEntry, type Installation, type InstallationKey, type NewArticle, type StoredArticle, type StoredArticleMeta, type Verdict, type SettledPost, type Store } from './store.ts';
