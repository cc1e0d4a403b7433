import type { CapabilityGrant, PathStep } from "../access.js";
import type { CompiledPolicy } from "../types.js";
import type { Actor } from "./actors.js";
import { uniqueStatements } from "./statements.js";
import type { CapabilityCatalog, DerivedCapability, DirectCapability } from "./capabilities.js";
import type { RequestDecider } from "./decide.js";
import type { Edge } from "./edge.js";
import type { HoldingCache } from "./holding-cache.js";
import type { Holding } from "./holdings.js";
import type { LakeResource, LakeScope } from "./resources.js";
import { ReverseIndex, type Reaches } from "./search.js";

/** Other routes listed per grant: enough to show that cutting one path is not enough. */
const MAX_OTHER_ROUTES = 5;

/**
 * The access graph of one snapshot: principal nodes, canAssume and escalation edges, and the
 * capabilities each node holds. Queries return CapabilityGrants with the shortest path as
 * evidence; holdings and paths are computed per capability on first use.
 */
export class AccessGraph {
  private readonly reverse: ReverseIndex;
  private readonly holdingsCache = new Map<string, Map<string, Holding>>();
  private readonly grantsCache = new Map<string, CapabilityGrant[]>();
  /** Policies of the snapshot that could not be read or break the grammar (see PolicyCatalog.flawed). */
  flawedPolicies: readonly CompiledPolicy[] = [];

  constructor(
    readonly nodes: ReadonlyMap<string, Actor>,
    readonly edges: readonly Edge[],
    readonly scopes: readonly LakeScope[],
    readonly capabilities: CapabilityCatalog,
    private readonly decider: RequestDecider,
    private readonly resourceLookup: (arn: string) => LakeResource,
    private readonly holdingCache: HoldingCache,
  ) {
    this.reverse = new ReverseIndex(nodes.keys(), edges);
  }

  /** True when the snapshot has no Security Lake, so capabilities were checked on `*`. */
  get fallback(): boolean {
    return this.scopes.every((scope) => scope.fallback);
  }

  /** Principals that grants are reported for: every node except variants and placeholders. */
  principals(): Actor[] {
    return [...this.nodes.values()].filter(isReported);
  }

  /** Returns every grant of every capability, direct and derived. */
  allGrants(): CapabilityGrant[] {
    const ids = [...this.capabilities.direct, ...this.capabilities.derived].map((definition) => definition.id);
    return ids.flatMap((id) => this.grants(id));
  }

  /**
   * Returns the grants of a capability for some principals only. The search still covers the
   * whole graph, but paths are built only for the principals asked about.
   */
  grantsAmong(capabilityId: string, principalIds: ReadonlySet<string>): CapabilityGrant[] {
    const direct = this.capabilities.direct.find((definition) => definition.id === capabilityId);
    if (!direct) return this.grants(capabilityId).filter((grant) => principalIds.has(grant.principal.id));
    return this.grantsFromHolders(capabilityId, this.holdings(direct), principalIds);
  }

  /** Returns the principals that hold a capability, each with its shortest path. */
  grants(capabilityId: string): CapabilityGrant[] {
    const cached = this.grantsCache.get(capabilityId);
    if (cached) return cached;

    const direct = this.capabilities.direct.find((definition) => definition.id === capabilityId);
    const derived = this.capabilities.derived.find((definition) => definition.id === capabilityId);
    let grants: CapabilityGrant[];
    if (direct) grants = this.grantsFromHolders(capabilityId, this.holdings(direct));
    else if (derived) grants = this.derivedGrants(derived);
    else throw new RangeError(`unknown capability "${capabilityId}"`);
    this.grantsCache.set(capabilityId, grants);
    return grants;
  }

  /** Capabilities of one principal (by node id), with paths. */
  canWhat(principalId: string): CapabilityGrant[] {
    const ids = [...this.capabilities.direct, ...this.capabilities.derived].map((definition) => definition.id);
    return ids.flatMap((id) => this.grants(id).filter((grant) => grant.principal.id === principalId));
  }

  /** Principals that can perform one action on one resource, directly or through a path. */
  whoCan(action: string, resourceArn: string): CapabilityGrant[] {
    const resource = this.resourceLookup(resourceArn);
    const holders = new Map<string, Holding>();
    for (const actor of this.nodes.values()) {
      if (!actor.evaluable) continue;
      const decision = this.decider.decide(actor, action, resource);
      if (decision.type !== "allowed" && decision.type !== "allowedIf") continue;
      holders.set(actor.id, {
        decision: decision.type,
        resources: [resourceArn],
        step: {
          from: actor.ref.id,
          to: resourceArn,
          edge: "capability",
          description: `${actor.ref.label} may call ${action} on ${resourceArn}`,
          statements: decision.statements,
          conditions: decision.conditions,
        },
      });
    }
    return this.grantsFromHolders(`${action} ${resourceArn}`, holders);
  }

  /** Direct holders of a capability among evaluable nodes, and subscribers for lake.read. */
  holdings(capability: DirectCapability): Map<string, Holding> {
    const cached = this.holdingsCache.get(capability.id);
    if (cached) return cached;

    const index = this.capabilities.direct.indexOf(capability);
    const holdings = new Map<string, Holding>();
    for (const actor of this.nodes.values()) {
      const holding = actor.evaluable ? this.holdingCache.holding(actor, index) : subscriberHolding(actor, capability.id);
      if (holding) holdings.set(actor.id, holding);
    }
    this.holdingsCache.set(capability.id, holdings);
    return holdings;
  }

  private grantsFromHolders(capability: string, holders: ReadonlyMap<string, Holding>, only?: ReadonlySet<string>): CapabilityGrant[] {
    const reaches: Reaches = this.reverse.search(holders);
    const grants: CapabilityGrant[] = [];
    const principals = only ? [...only].flatMap((id) => this.nodes.get(id) ?? []).filter(isReported) : this.principals();
    for (const actor of principals) {
      const reach = reaches.of(actor.id);
      if (!reach) continue;
      const holding = holders.get(reach.holder);
      if (!holding) continue;
      const path: PathStep[] = [...this.stepsOf(reach.edges), holding.step];
      const otherRoutes = [...new Set(reaches.otherRoutes(actor.id, MAX_OTHER_ROUTES).map((id) => this.routeLabel(id)))];
      grants.push({ capability, principal: actor.ref, decision: reach.decision, path, resources: holding.resources, ...(otherRoutes.length > 0 ? { otherRoutes } : {}) });
    }
    return grants;
  }

  /**
   * Names a route's first node: a principal by its id, an account-trust hub by what it stands
   * for, and the principal itself after an escalation by the escalation's name.
   */
  private routeLabel(id: string): string {
    const node = this.nodes.get(id);
    if (!node) return id;
    if (node.placeholder) return node.ref.label;
    return node.variant ? `${node.ref.id} (${variantPhrase(node.variant)})` : node.ref.id;
  }

  /** Path steps by edge: grants through the same edge share its step instead of a copy each. */
  private readonly steps = new Map<Edge, PathStep>();
  /** Steps through an account-trust hub, by the edge into the hub and then the edge out. */
  private readonly hubSteps = new Map<Edge, Map<Edge, PathStep>>();

  /**
   * Turns a search's edges into path steps. An account-trust hub is a node of the graph but
   * not a principal, so the edges into and out of it make one step. In that step the caller
   * assumes the role, by its own policy and by the role's trust in the caller's account.
   */
  private stepsOf(edges: readonly Edge[]): PathStep[] {
    const steps: PathStep[] = [];
    for (let index = 0; index < edges.length; index += 1) {
      const edge = edges[index]!;
      const next = edges[index + 1];
      if (next && this.nodes.get(edge.to)?.trustHub && next.from === edge.to) {
        steps.push(this.hubStepOf(edge, next));
        index += 1;
      } else {
        steps.push(this.stepOf(edge));
      }
    }
    return steps;
  }

  private hubStepOf(into: Edge, out: Edge): PathStep {
    let byOut = this.hubSteps.get(into);
    if (!byOut) {
      byOut = new Map();
      this.hubSteps.set(into, byOut);
    }
    let step = byOut.get(out);
    if (!step) {
      const caller = this.stepOf(into);
      const role = this.stepOf(out);
      const conditions = [...(caller.conditions ?? []), ...(role.conditions ?? [])];
      step = {
        from: caller.from,
        to: role.to,
        edge: out.kind,
        description: `${into.description}: ${out.description}`,
        statements: uniqueStatements([...caller.statements, ...role.statements]),
        conditions: conditions.length > 0 ? conditions : undefined,
        requires: out.requires ?? into.requires,
      };
      byOut.set(out, step);
    }
    return step;
  }

  private stepOf(edge: Edge): PathStep {
    let step = this.steps.get(edge);
    if (!step) {
      step = this.newStep(edge);
      this.steps.set(edge, step);
    }
    return step;
  }

  private newStep(edge: Edge): PathStep {
    const from = this.nodes.get(edge.from);
    const to = this.nodes.get(edge.to);
    return {
      from: from?.ref.id ?? edge.from,
      to: to?.ref.id ?? edge.to,
      edge: edge.kind,
      description: edge.description,
      statements: uniqueStatements(edge.statements),
      conditions: edge.conditions && edge.conditions.length > 0 ? edge.conditions : undefined,
      requires: edge.requires,
    };
  }

  /** Finds the principals that reach a capability only through another node (they escalate). */
  private derivedGrants(derived: DerivedCapability): CapabilityGrant[] {
    const best = new Map<string, CapabilityGrant>();
    for (const id of derived.derivedFrom) {
      for (const grant of this.grants(id)) {
        if (grant.path.length < 2) continue;
        const known = best.get(grant.principal.id);
        if (known && !isBetter(grant, known)) continue;
        best.set(grant.principal.id, { ...grant, capability: derived.id });
      }
    }
    return [...best.values()];
  }
}

function isBetter(candidate: CapabilityGrant, known: CapabilityGrant): boolean {
  if (candidate.decision !== known.decision) return candidate.decision === "allowed";
  return candidate.path.length < known.path.length;
}

function isReported(actor: Actor): boolean {
  return !actor.base && !actor.placeholder;
}

/**
 * Subscribers with Lake Formation access read the lake's tables through the RAM share that
 * Security Lake creates, and a subscriber a caller creates can have any access type.
 */
function subscriberHolding(actor: Actor, capabilityId: string): Holding | undefined {
  if (capabilityId !== "lake.read" || actor.ref.kind !== "subscriber" || !actor.lakeScopeId) return undefined;
  const subscriber = actor.subscriber;
  if (subscriber && !subscriber.accessTypes.includes("LAKEFORMATION")) return undefined;

  const share = subscriber?.resourceShareArn ?? subscriber?.resourceShareName;
  return {
    decision: "allowed",
    resources: [actor.lakeScopeId],
    step: {
      from: actor.ref.id,
      to: actor.lakeScopeId,
      edge: "subscriberShare",
      description: subscriber
        ? `subscriber ${subscriber.subscriberName} queries the lake tables shared with it${share ? ` by ${share}` : ""}`
        : "a new subscriber reads the lake data it is created for",
      statements: [],
    },
  };
}

/** Returns the words for a variant's name: `policy-added`, `no-boundary`, `group:NAME`, or two joined by `+`. */
function variantPhrase(name: string): string {
  const parts = name.split("+").map((part) => {
    if (part === "policy-added") return "writing itself a policy";
    if (part === "no-boundary") return "removing its permissions boundary";
    if (part.startsWith("group:")) return `joining group ${part.slice("group:".length)}`;
    return part;
  });
  return `after ${parts.join(" and ")}`;
}
