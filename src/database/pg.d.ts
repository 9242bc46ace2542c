// The part of pg's API the app uses (src/database/pg-listener.ts); pg ships no types and
// @types/pg is not a dependency.
declare module 'pg' {
  export type ClientConfig = Record<string, unknown>;
  export interface Notification {
    channel: string;
    payload?: string;
  }
  export class Client {
    constructor(config?: ClientConfig | string);
    connect(): Promise<void>;
    query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
    end(): Promise<void>;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'notification', listener: (message: Notification) => void): this;
  }
}
