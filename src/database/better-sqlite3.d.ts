// The part of better-sqlite3's API the app uses directly (src/database/sqlite-checkpoint-worker.ts);
// @types/better-sqlite3 is not a dependency.
declare module 'better-sqlite3' {
  class Database {
    constructor(filename: string, options?: { fileMustExist?: boolean });
    pragma(source: string): unknown;
    close(): void;
  }
  export default Database;
}
