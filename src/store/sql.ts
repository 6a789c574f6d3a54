/** The little of Postgres the store needs, served alike by embedded PGlite and a `pg` pool. */
export interface SqlClient {
  /** Runs one parameterised statement (`$1`, `$2`, …) and returns its rows. */
  query<R extends Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs `fn` in one transaction on one connection: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Closes the connection(s); the client is unusable afterwards. */
  close(): Promise<void>;
}

/** What a transaction may run: statements with parameters, or a script of several without. */
export interface SqlExecutor {
  query<R extends Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements (migrations); no parameters. */
  exec(text: string): Promise<void>;
}
