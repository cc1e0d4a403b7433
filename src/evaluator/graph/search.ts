import { isConditional, type Edge } from "./edge.js";
import type { Holding } from "./holdings.js";

/** How a node reaches a capability: the first edge of its path (none when it holds it). */
export interface Reach {
  readonly holder: string;
  readonly next?: Edge;
  readonly decision: "allowed" | "allowedIf";
}

/** Edges grouped by their target, built once per graph. */
export function reverseIndex(edges: readonly Edge[]): Map<string, Edge[]> {
  const reverse = new Map<string, Edge[]>();
  for (const edge of edges) {
    const list = reverse.get(edge.to);
    if (list) list.push(edge);
    else reverse.set(edge.to, [edge]);
  }
  return reverse;
}

/**
 * Shortest paths from every node to the nearest holder of a capability: one breadth-first
 * search backwards from all holders at once, so the cost is linear in nodes and edges. A first
 * pass uses only unconditional edges and holders, so a node with a plainly allowed path gets it
 * even when a shorter conditional one exists; a second pass adds the `allowedIf` paths.
 */
export function shortestReaches(holders: ReadonlyMap<string, Holding>, reverse: ReadonlyMap<string, readonly Edge[]>): Map<string, Reach> {
  const reaches = new Map<string, Reach>();
  search(holders, reverse, reaches, true);
  search(holders, reverse, reaches, false);
  return reaches;
}

function search(holders: ReadonlyMap<string, Holding>, reverse: ReadonlyMap<string, readonly Edge[]>, reaches: Map<string, Reach>, plainOnly: boolean): void {
  const decision = plainOnly ? "allowed" : "allowedIf";
  const visited = new Set<string>();
  let frontier: string[] = [];
  for (const [id, holding] of holders) {
    if (plainOnly && holding.decision !== "allowed") continue;
    visited.add(id);
    frontier.push(id);
    if (!reaches.has(id)) reaches.set(id, { holder: id, decision: holding.decision });
  }

  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      const holder = reaches.get(id)?.holder ?? id;
      for (const edge of reverse.get(id) ?? []) {
        if (visited.has(edge.from)) continue;
        if (plainOnly && isConditional(edge)) continue;
        visited.add(edge.from);
        next.push(edge.from);
        if (!reaches.has(edge.from)) reaches.set(edge.from, { holder, next: edge, decision });
      }
    }
    frontier = next;
  }
}
