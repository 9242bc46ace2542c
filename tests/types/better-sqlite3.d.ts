// The part of better-sqlite3's API the tests use, to write a database behind the
// app's back; @types/better-sqlite3 is not a dependency (the app declares its own
// part in src/database/better-sqlite3.d.ts, which no test imports).
declare module 'better-sqlite3' {
  interface Statement {
    run(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
  }
  class Database {
    constructor(filename: string, options?: { fileMustExist?: boolean; timeout?: number });
    pragma(source: string): unknown;
    exec(sql: string): this;
    prepare(sql: string): Statement;
    close(): void;
  }
  export default Database;
}
