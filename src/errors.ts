/** Codes for the errors Briefing raises on bad input; one class each, gathered here. */
export type BriefingErrorCode = 'knowledge_invalid' | 'config_invalid' | 'article_invalid' | 'store_unavailable' | 'slack_unavailable' | 'listen_failed';

/** Base class: a coded error whose message says what was wrong and where. */
export class BriefingError extends Error {
  /** A stable code for programs; the message is for people. */
  readonly code: BriefingErrorCode;

  constructor(code: BriefingErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A knowledge file that is missing, not JSON, or does not match the schema. */
export class KnowledgeFileError extends BriefingError {
  constructor(message: string) {
    super('knowledge_invalid', message);
  }
}

/** An article or overlay that cannot be built. */
export class ArticleError extends BriefingError {
  constructor(message: string) {
    super('article_invalid', message);
  }
}

/** A missing or malformed environment variable. */
export class ConfigError extends BriefingError {
  constructor(message: string) {
    super('config_invalid', message);
  }
}

/** The store cannot be opened or used: corrupt, locked by another process, or unreachable. */
export class StoreError extends BriefingError {
  constructor(message: string) {
    super('store_unavailable', message);
  }
}

/** Slack refused the bot token or could not be reached when the app started. */
export class SlackStartError extends BriefingError {
  constructor(message: string) {
    super('slack_unavailable', message);
  }
}

/** The HTTP receiver cannot listen: the port is in use or not permitted. */
export class ListenError extends BriefingError {
  constructor(message: string) {
    super('listen_failed', message);
  }
}
