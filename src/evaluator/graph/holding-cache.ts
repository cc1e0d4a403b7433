import type { Actor } from "./actors.js";
import type { DirectCapability } from "./capabilities.js";
import type { RequestDecider } from "./decide.js";
import { holdingOf, type Holding } from "./holdings.js";
import type { LakeScope } from "./resources.js";

/**
 * Direct holdings per actor and capability, computed once and shared by the edge pruning of
 * the build and by the graph's queries.
 */
export class HoldingCache {
  private readonly byActor = new Map<string, (Holding | null)[]>();
  private readonly signatures = new Map<string, number>();

  constructor(
    private readonly capabilities: readonly DirectCapability[],
    private readonly scopes: readonly LakeScope[],
    private readonly decider: RequestDecider,
  ) {}

  /** The actor's holding of the capability at `index` of the catalogue, if any. */
  holding(actor: Actor, index: number): Holding | undefined {
    let row = this.byActor.get(actor.id);
    if (!row) {
      row = new Array<Holding | null | undefined>(this.capabilities.length).fill(undefined) as (Holding | null)[];
      this.byActor.set(actor.id, row);
    }
    let value = row[index];
    if (value === undefined) {
      const capability = this.capabilities[index];
      value = capability && actor.evaluable ? (holdingOf(actor, capability, this.scopes, this.decider) ?? null) : null;
      row[index] = value;
    }
    return value ?? undefined;
  }

  /** A bit per capability the actor holds itself, allowed or allowedIf. */
  signature(actor: Actor): number {
    const known = this.signatures.get(actor.id);
    if (known !== undefined) return known;
    let bits = 0;
    for (let index = 0; index < this.capabilities.length && index < 31; index += 1) {
      if (this.holding(actor, index)) bits |= 1 << index;
    }
    this.signatures.set(actor.id, bits);
    return bits;
  }

  private readonly administrators = new Map<string, boolean>();

  /**
   * True when the actor holds the `admin` capability as a plain allow in its own account.
   * Lake scopes check `admin` in the lake's account, so this uses a scope of the actor's account.
   */
  isAdministrator(actor: Actor): boolean {
    const known = this.administrators.get(actor.id);
    if (known !== undefined) return known;

    const admin = this.capabilities.find((capability) => capability.id === "admin");
    const accountId = actor.principal.accountId;
    let result = false;
    if (admin && accountId && actor.evaluable) {
      const own: LakeScope = { id: `*:${accountId}`, accountId, region: "*", fallback: true, resources: { account: [{ arn: "*", accountId }] } };
      result = holdingOf(actor, admin, [own], this.decider)?.decision === "allowed";
    }
    this.administrators.set(actor.id, result);
    return result;
  }
}
