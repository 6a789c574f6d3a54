// The store's public face: the rest of the app imports from here.
export { openStore, type OpenStoreOptions } from './open-store.ts';
export { importLegacyDigestState, type LegacyImport } from './legacy-digest-state.ts';
export { EVENT_CLAIM_TTL_MS, REQUEST_REPLAY_WINDOW_MS, type DigestSlotKey, type Installation, type SettledPost, type Store } from './store.ts';
