/** What the stand-in sends back for one request. */
export interface Answer {
  status: number;
  /** Sent as JSON, or as it is when `raw` (a deliberately broken body). */
  body: unknown;
  raw?: boolean;
  headers?: Record<string, string>;
}
