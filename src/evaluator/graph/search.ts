import { isConditional, type Edge } from "./edge.js";
import type { Holding } from "./holdings.js";

/**
 * Shortest paths to the holders of a capability. The graph is indexed once (nodes as numbers,
 * incoming edges as arrays), and each search is one breadth-first pass backwards from all
 * holders at once, so a query costs time linear in nodes and edges.
 */
export class ReverseIndex {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly incoming: number[][] = [];
  private readonly outgoing: number[][] = [];
  private readonly edgeFrom: Int32Array;
  /** The node each edge leads to, by edge position. */
  readonly edgeTo: Int32Array;
  private readonly edgeConditional: Uint8Array;

  constructor(
    nodeIds: Iterable<string>,
    readonly edges: readonly Edge[],
  ) {
    for (const id of nodeIds) this.indexOf(id);
    this.edgeFrom = new Int32Array(edges.length);
    this.edgeTo = new Int32Array(edges.length);
    this.edgeConditional = new Uint8Array(edges.length);
    edges.forEach((edge, position) => {
      this.edgeFrom[position] = this.indexOf(edge.from);
      this.edgeConditional[position] = isConditional(edge) ? 1 : 0;
      this.edgeTo[position] = this.indexOf(edge.to);
      this.incoming[this.edgeTo[position]!]!.push(position);
      this.outgoing[this.edgeFrom[position]!]!.push(position);
    });
  }

  private indexOf(id: string): number {
    let position = this.index.get(id);
    if (position === undefined) {
      position = this.ids.length;
      this.index.set(id, position);
      this.ids.push(id);
      this.incoming.push([]);
      this.outgoing.push([]);
    }
    return position;
  }

  /**
   * Searches backwards from every holder. A first pass uses only unconditional edges and
   * holders, so a node with a plainly allowed path gets it even when a shorter conditional one
   * exists. A second pass then adds the `allowedIf` paths.
   */
  search(holders: ReadonlyMap<string, Holding>): Reaches {
    const size = this.ids.length;
    const reaches = new Reaches(this, new Int32Array(size).fill(-1), new Int32Array(size).fill(-1), new Uint8Array(size));
    this.pass(holders, reaches, true);
    this.pass(holders, reaches, false);
    return reaches;
  }

  private pass(holders: ReadonlyMap<string, Holding>, reaches: Reaches, plainOnly: boolean): void {
    const visited = new Uint8Array(this.ids.length);
    let frontier: number[] = [];
    for (const [id, holding] of holders) {
      if (plainOnly && holding.decision !== "allowed") continue;
      const node = this.index.get(id);
      if (node === undefined) continue;
      visited[node] = 1;
      frontier.push(node);
      if (reaches.holder[node] === -1) {
        reaches.holder[node] = node;
        reaches.conditional[node] = holding.decision === "allowed" ? 0 : 1;
      }
    }

    while (frontier.length > 0) {
      const next: number[] = [];
      for (const node of frontier) {
        const holder = reaches.holder[node]!;
        for (const position of this.incoming[node]!) {
          const from = this.edgeFrom[position]!;
          if (visited[from] || (plainOnly && this.edgeConditional[position])) continue;
          visited[from] = 1;
          next.push(from);
          if (reaches.holder[from] === -1) {
            reaches.holder[from] = holder;
            reaches.next[from] = position;
            reaches.conditional[from] = plainOnly ? 0 : 1;
          }
        }
      }
      frontier = next;
    }
  }

  /** Returns the positions of the edges leaving a node. */
  edgesFrom(node: number): readonly number[] {
    return this.outgoing[node] ?? [];
  }

  /** Returns the number of a node, or undefined for an id the index does not contain. */
  position(id: string): number | undefined {
    return this.index.get(id);
  }

  idAt(position: number): string {
    return this.ids[position]!;
  }
}

/** The result of one search: per node, its holder, the first edge of its path and its decision. */
export class Reaches {
  constructor(
    private readonly graph: ReverseIndex,
    readonly holder: Int32Array,
    readonly next: Int32Array,
    readonly conditional: Uint8Array,
  ) {}

  /** Returns how a node reaches the capability, or undefined when it does not. */
  of(id: string): { holder: string; decision: "allowed" | "allowedIf"; edges: Edge[] } | undefined {
    const start = this.graph.position(id);
    if (start === undefined || this.holder[start] === -1) return undefined;

    const edges: Edge[] = [];
    let node = start;
    while (this.next[node]! !== -1 && edges.length < this.holder.length) {
      const position = this.next[node]!;
      edges.push(this.graph.edges[position]!);
      node = this.graph.edgeTo[position]!;
    }
    return { holder: this.graph.idAt(this.holder[start]!), decision: this.conditional[start] ? "allowedIf" : "allowed", edges };
  }

  /**
   * Returns up to `limit` nodes that a node can step to, other than the first one of its own
   * path, and that reach the capability on a path that does not pass through it again.
   */
  otherRoutes(id: string, limit: number): string[] {
    const start = this.graph.position(id);
    if (start === undefined || this.holder[start] === -1) return [];

    const firstEdge = this.next[start]!;
    const firstStep = firstEdge === -1 ? -1 : this.graph.edgeTo[firstEdge]!;
    const routes: string[] = [];
    for (const position of this.graph.edgesFrom(start)) {
      const target = this.graph.edgeTo[position]!;
      if (target === firstStep || target === start || this.holder[target] === -1 || this.passesThrough(target, start)) continue;
      const targetId = this.graph.idAt(target);
      if (!routes.includes(targetId)) routes.push(targetId);
      if (routes.length >= limit) break;
    }
    return routes;
  }

  /** True when the path from `node` to its holder visits `avoided`. */
  private passesThrough(node: number, avoided: number): boolean {
    let current = node;
    for (let steps = 0; steps < this.holder.length && current !== avoided; steps += 1) {
      const edge = this.next[current]!;
      if (edge === -1) return false;
      current = this.graph.edgeTo[edge]!;
    }
    return current === avoided;
  }
}
