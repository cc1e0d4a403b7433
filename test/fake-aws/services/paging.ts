import { page, type FakeRequest } from "../request.js";
import type { FakeWorld } from "../world.js";

/**
 * Answers a paginated list: `listKey` holds one page of `items`; the next page's token goes
 * in `outputToken`. The world's page size (a cap on what the request asks for) and repeat-token settings apply per operation.
 */
export function paged(
  world: FakeWorld,
  request: FakeRequest,
  items: readonly unknown[],
  names: { listKey: string; inputToken: string; outputToken: string; truncatedKey?: string },
): Record<string, unknown> {
  const requested = Number(request.params.MaxItems ?? request.params.MaxResults ?? request.params.maxResults ?? request.params.Limit ?? 0);
  // Like AWS, a page holds 100 items unless the request asks for more (up to 1,000).
  const configured = world.pageSizes[request.operation];
  const size = requested > 0 ? Math.min(requested, configured ?? 1000) : (configured ?? 100);
  const token = request.params[names.inputToken];
  const emptyFirst = world.emptyFirstPage.has(request.operation) && (token === undefined || token === "");
  const result = emptyFirst ? { items: [], next: "page-0" } : page(items, token, size, world.repeatToken.has(request.operation));

  const output: Record<string, unknown> = { [names.listKey]: result.items };
  if (result.next !== undefined) output[names.outputToken] = result.next;
  if (names.truncatedKey !== undefined) output[names.truncatedKey] = result.next !== undefined;
  return output;
}
