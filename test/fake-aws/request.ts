import type { FakeWorld } from "./world.js";

/** One decoded request, whatever its wire protocol. */
export interface FakeRequest {
  /** The SDK client folder name of the service (`iam`, `accessanalyzer`). */
  readonly service: string;
  readonly operation: string;
  readonly region: string;
  /** The account the signing key belongs to. */
  readonly accountId: string;
  readonly accessKeyId: string;
  /** Input members: the JSON body, the query-protocol form or the REST query string, merged. */
  readonly params: Record<string, unknown>;
  /** REST path segments captured by the route (bucket name, id). */
  readonly pathParams: Record<string, string>;
}

/** An AWS error the fake answers with; the protocol layer serializes it. */
export class FakeAwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** One operation's handler: returns the output members, or throws FakeAwsError. */
export type Handler = (request: FakeRequest, world: FakeWorld) => unknown;

/** The handlers of one service, by operation name. */
export type ServiceHandlers = Record<string, Handler>;

/** Returns one page of `items` from the offset the token names; `pageSize` items per page. */
export function page<T>(items: readonly T[], token: unknown, pageSize: number, repeatToken = false): { items: T[]; next?: string } {
  const start = typeof token === "string" && token.length > 0 ? Number(token.replace(/^page-/, "")) : 0;
  const slice = items.slice(start, start + pageSize);
  const end = start + pageSize;
  if (repeatToken) return { items: slice, next: "page-0" };
  return end < items.length ? { items: slice, next: `page-${end}` } : { items: slice };
}
