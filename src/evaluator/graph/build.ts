import { accountRootArn, isAccountId } from "../../shared/arn.js";
import type { CredentialReportEntry, IamGroup, Snapshot } from "../../model/snapshot.js";
import type { CompiledPolicy } from "../types.js";
import { ActorFactory, anonymousActor, anyAccountActor, organizationView, serviceActor, type Actor } from "./actors.js";
import type { CapabilityCatalog } from "./capabilities.js";
import { PolicyCatalog } from "./catalog.js";
import { HoldingCache } from "./holding-cache.js";
import { RequestDecider, identityMayAllow } from "./decide.js";
import { isConditional, type Edge } from "./edge.js";
import { accountTrustHub } from "./edges/account-trust.js";
import { assumeEdges } from "./edges/assume.js";
import type { EscalationMethod, GraphContext, GroupEntry } from "./edges/context.js";
import { ESCALATION_METHODS } from "./edges/registry.js";
import { newSubscriberId } from "./edges/security-lake.js";
import type { PolicyEngine } from "./engine.js";
import { AccessGraph } from "./graph.js";
import { resolveLakeScopes, type LakeResource } from "./resources.js";
import { TrustIndex, accountOfPrincipal, namedPrincipals } from "./trust-index.js";

/** Time spent per phase of a graph build, in milliseconds, for the benchmark. */
export interface BuildTimings {
  compileMs: number;
  edgesMs: number;
}

const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const NO_METHODS: readonly EscalationMethod[] = [];
/** Variants of variants are built up to this depth; deeper chains add nothing in practice. */
const MAX_VARIANT_DEPTH = 2;

/**
 * Builds the access graph of a snapshot: nodes for every principal, canAssume and escalation
 * edges, and the capabilities each node holds itself. Pure: the engine and the capability
 * catalogue come in as values.
 */
export function buildAccessGraph(snapshot: Snapshot, capabilities: CapabilityCatalog, engine: PolicyEngine, timings?: BuildTimings): AccessGraph {
  const started = performance.now();
  const builder = new GraphBuilder(snapshot, engine, capabilities);
  builder.addPrincipals();
  const compiled = performance.now();

  builder.addEdges();
  const graph = new AccessGraph(builder.actors, builder.edges, builder.scopes, capabilities, builder.decider, builder.resourceLookup, builder.holdings);
  graph.flawedPolicies = builder.catalog.flawed;
  if (timings) {
    timings.compileMs = compiled - started;
    timings.edgesMs = performance.now() - compiled;
  }
  return graph;
}

class GraphBuilder implements GraphContext {
  readonly actors = new Map<string, Actor>();
  readonly edges: Edge[] = [];
  readonly catalog: PolicyCatalog;
  readonly decider: RequestDecider;
  readonly trust = new TrustIndex();
  readonly scopes;
  readonly usersByAccount = new Map<string, Actor[]>();
  readonly rolesByAccount = new Map<string, Actor[]>();
  readonly groupsByArn = new Map<string, GroupEntry>();
  readonly credentialReport = new Map<string, CredentialReportEntry>();
  readonly writtenPolicy: CompiledPolicy;
  private readonly groupsByUser = new Map<string, GroupEntry[]>();
  private readonly trustPolicies = new Map<string, CompiledPolicy>();
  private readonly assumeByActor = new Map<string, Edge[]>();
  private readonly pendingVariants: Actor[] = [];
  private readonly factory: ActorFactory;
  private readonly organization;

  readonly holdings: HoldingCache;
  private readonly rootPolicy: CompiledPolicy;

  constructor(
    private readonly snapshot: Snapshot,
    engine: PolicyEngine,
    capabilities: CapabilityCatalog,
  ) {
    this.catalog = new PolicyCatalog(snapshot, engine);
    this.organization = organizationView(snapshot);
    this.decider = new RequestDecider(engine, this.catalog, this.organization.managementAccountId, snapshot.collectedAt, capabilities.defaultContext);
    const rootPolicy = this.catalog.compile(ALLOW_ALL, { type: "identity", id: "lakewarden:account-root", name: "account root user" });
    this.writtenPolicy = this.catalog.compile(ALLOW_ALL, { type: "identity", id: "lakewarden:written-policy", name: "a policy the principal writes for itself" });
    this.rootPolicy = rootPolicy;
    this.factory = new ActorFactory(this.catalog, this.organization, rootPolicy);
    this.scopes = resolveLakeScopes(snapshot, this.catalog);
    this.holdings = new HoldingCache(capabilities.direct, this.scopes, this.decider);
  }

  /**
   * Checks whether an escalation from `source` to `target` can add anything: the target holds a
   * capability the source does not, can assume roles, or (when the source is not already an
   * administrator of its account) could escalate further. Skipping the rest keeps principals
   * that can edit or impersonate everyone from adding an edge to every principal.
   */
  isAdministrator(actor: Actor): boolean {
    return this.holdings.isAdministrator(actor);
  }

  worthTargeting(source: Actor, target: Actor): boolean {
    if (target.variant) return true;
    const gained = this.holdings.signature(target) & ~this.holdings.signature(source);
    if (gained !== 0) return true;
    if (this.assumesMore(target, source)) return true;
    if (this.isAdministrator(source)) return false;
    return this.mayEscalate(target);
  }

  private readonly assumeTargets = new Map<string, { plain: Set<string>; any: Set<string> }>();

  /** Whether the target can assume a role (or reach a hub) that the source cannot, or not as plainly. */
  private assumesMore(target: Actor, source: Actor): boolean {
    const edges = this.assumeByActor.get(target.id) ?? [];
    if (edges.length === 0) return false;
    let reachable = this.assumeTargets.get(source.id);
    if (!reachable) {
      const own = this.assumeByActor.get(source.id) ?? [];
      reachable = { plain: new Set(own.filter((edge) => !isConditional(edge)).map((edge) => edge.to)), any: new Set(own.map((edge) => edge.to)) };
      this.assumeTargets.set(source.id, reachable);
    }
    const known = reachable;
    return edges.some((edge) => !known.plain.has(edge.to) && !(isConditional(edge) && known.any.has(edge.to)));
  }

  private readonly triggered = new Map<string, readonly EscalationMethod[]>();

  /** Checks whether some escalation method's trigger action may be allowed to the actor. */
  private mayEscalate(actor: Actor): boolean {
    return this.triggeredMethods(actor).length > 0;
  }

  /**
   * Returns the escalation methods whose trigger action the actor's identity policies may
   * allow. The result is cached per actor, because the actor's own escalations and the check
   * of whether it is worth targeting both need it.
   */
  private triggeredMethods(actor: Actor): readonly EscalationMethod[] {
    let methods = this.triggered.get(actor.id);
    if (!methods) {
      const found = ESCALATION_METHODS.filter((method) => isTriggered(actor, method));
      methods = found.length > 0 ? found : NO_METHODS;
      this.triggered.set(actor.id, methods);
    }
    return methods;
  }

  decide(actor: Actor, action: string, resource: LakeResource, values?: Readonly<Record<string, string | readonly string[]>>) {
    return this.decider.decide(actor, action, resource, values);
  }

  roleResource(role: Actor): LakeResource {
    return { arn: role.id, accountId: role.principal.accountId ?? "", policy: this.trustPolicies.get(role.id) };
  }

  assumeEdges(actorId: string): readonly Edge[] {
    return this.assumeByActor.get(actorId) ?? [];
  }

  groupInline(group: IamGroup): readonly CompiledPolicy[] {
    return this.factory.groupInline(group);
  }

  groupsOf(actor: Actor): readonly GroupEntry[] {
    return this.groupsByUser.get((actor.base ?? actor).id) ?? [];
  }

  variant(base: Actor, name: string, added: readonly CompiledPolicy[], dropBoundary: boolean): Actor {
    const id = `${base.id}#${name}`;
    const known = this.actors.get(id);
    if (known) return known;
    const variant = this.factory.variant(base, name, added, dropBoundary);
    this.actors.set(id, variant);
    this.pendingVariants.push(variant);
    return variant;
  }

  private readonly hubs = new Map<string, string>();

  accountTrustHub(callerAccount: string, roleAccount: string, roles: readonly Actor[]): string {
    const key = `${callerAccount}>${roleAccount}`;
    const known = this.hubs.get(key);
    if (known) return known;

    const hub = accountTrustHub(this, callerAccount, roleAccount, roles);
    this.actors.set(hub.node.id, hub.node);
    this.hubEdges.push(...hub.edges);
    this.hubs.set(key, hub.node.id);
    return hub.node.id;
  }

  private readonly hubEdges: Edge[] = [];
  private readonly rootTrusts = new Map<string, CompiledPolicy>();

  rootTrustProbe(accountId: string): CompiledPolicy {
    let policy = this.rootTrusts.get(accountId);
    if (!policy) {
      const document = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: accountRootArn(accountId) }, Action: "sts:AssumeRole" }] };
      policy = this.catalog.compile(document, { type: "trust", id: "lakewarden:root-trust-probe", name: "a trust policy naming the account root" });
      this.rootTrusts.set(accountId, policy);
    }
    return policy;
  }

  service(name: string): Actor {
    const known = this.actors.get(name);
    if (known) return known;
    const actor = serviceActor(name);
    this.actors.set(name, actor);
    return actor;
  }

  /** The lake resource behind an ARN, with its resource policy, for ad-hoc who-can queries. */
  readonly resourceLookup = (arn: string): LakeResource => {
    for (const scope of this.scopes) {
      for (const resources of Object.values(scope.resources)) {
        const found = resources?.find((resource) => resource.arn === arn);
        if (found) return found;
      }
      const bucket = scope.resources.lakeBucket?.[0];
      if (bucket && arn.startsWith(`${bucket.arn}/`)) return { ...bucket, arn };
    }
    const role = this.actors.get(arn);
    if (role?.role) return this.roleResource(role);
    return { arn, accountId: accountOfPrincipal(arn) ?? "" };
  };

  addPrincipals(): void {
    for (const account of this.snapshot.accounts) {
      for (const entry of account.credentialReport ?? []) this.credentialReport.set(entry.arn, entry);
      this.addAccountRoot(account.accountId, account.name);
      this.addIam(account.accountId, account.iam);
    }
    for (const account of this.snapshot.organization?.accounts ?? []) this.addAccountRoot(account.id, account.name);
    this.addExternalAccounts();
    this.addSubscribers();
    this.actors.set("*", anonymousActor());
    const anyAccount = anyAccountActor(this.rootPolicy);
    this.actors.set(anyAccount.id, anyAccount);
    for (const service of this.trust.services()) this.service(service);
  }

  addEdges(): void {
    const base = [...this.actors.values()];
    for (const actor of base) this.assumeByActor.set(actor.id, assumeEdges(this, actor));
    for (const actor of base) this.addEscalations(actor);

    for (let depth = 0; depth < MAX_VARIANT_DEPTH && this.pendingVariants.length > 0; depth += 1) {
      const batch = this.pendingVariants.splice(0);
      for (const variant of batch) this.assumeByActor.set(variant.id, assumeEdges(this, variant));
      for (const variant of batch) this.addEscalations(variant);
    }
    for (const edges of this.assumeByActor.values()) this.edges.push(...edges);
    this.edges.push(...this.hubEdges);
  }

  private addEscalations(actor: Actor): void {
    if (!actor.evaluable || actor.principal.kind === "service" || actor.principal.kind === "anonymous") return;
    for (const method of this.triggeredMethods(actor)) {
      for (const edge of method.build(this, actor)) {
        if (this.actors.has(edge.to) && edge.to !== actor.id) this.edges.push(edge);
      }
    }
  }

  private addAccountRoot(accountId: string, name: string | undefined): void {
    const id = accountRootArn(accountId);
    if (!this.actors.has(id)) this.actors.set(id, this.factory.accountRoot(accountId, name));
  }

  private addIam(accountId: string, iam: Snapshot["accounts"][number]["iam"]): void {
    if (!iam) return;
    const groupsByName = new Map<string, GroupEntry>();
    for (const group of iam.groups) {
      const members = iam.users.filter((user) => user.groups.includes(group.name)).map((user) => user.arn);
      const entry = { group, accountId, members };
      this.groupsByArn.set(group.arn, entry);
      groupsByName.set(group.name, entry);
    }

    const users: Actor[] = [];
    for (const user of iam.users) {
      const groups = user.groups.flatMap((name) => groupsByName.get(name) ?? []);
      this.groupsByUser.set(user.arn, groups);
      const actor = this.factory.user(user, accountId, groups.map((entry) => entry.group));
      this.actors.set(actor.id, actor);
      users.push(actor);
    }
    this.usersByAccount.set(accountId, users);

    const roles: Actor[] = [];
    for (const role of iam.roles) {
      const actor = this.factory.role(role, accountId);
      this.actors.set(actor.id, actor);
      roles.push(actor);
      this.trustPolicies.set(role.arn, this.catalog.compile(role.trustPolicy, { type: "trust", id: role.arn, name: role.name }));
      this.trust.add(role.arn, role.trustPolicy);
    }
    this.rolesByAccount.set(accountId, roles);
  }

  /** Accounts named by trust policies, lake resource policies or subscribers but not audited. */
  private addExternalAccounts(): void {
    const accounts = new Set<string>();
    for (const principal of this.trust.namedAwsPrincipals()) {
      const account = accountOfPrincipal(principal);
      if (account) accounts.add(account);
    }
    for (const scope of this.scopes) {
      for (const resources of Object.values(scope.resources)) {
        for (const resource of resources ?? []) {
          if (resource.policy) this.resourcePolicyAccounts(resource.arn, accounts);
        }
      }
      for (const subscriber of this.subscribersOf(scope.accountId, scope.region)) {
        if (isAccountId(subscriber.subscriberIdentity.principal)) accounts.add(subscriber.subscriberIdentity.principal);
      }
    }
    for (const account of accounts) this.addAccountRoot(account, undefined);
  }

  private resourcePolicyAccounts(arn: string, accounts: Set<string>): void {
    for (const account of this.snapshot.accounts) {
      for (const region of account.regions) {
        const documents = [
          ...(region.s3Buckets ?? []).filter((bucket) => arn.startsWith(bucket.arn)).map((bucket) => bucket.policy),
          ...(region.kmsKeys ?? []).filter((key) => key.arn === arn).map((key) => key.policy),
        ];
        for (const document of documents) {
          if (!document) continue;
          for (const principal of namedPrincipals(document)) {
            const named = principal.kind === "aws" ? accountOfPrincipal(principal.value) : undefined;
            if (named) accounts.add(named);
          }
        }
      }
    }
  }

  private subscribersOf(accountId: string, region: string) {
    const account = this.snapshot.accounts.find((candidate) => candidate.accountId === accountId);
    return account?.regions.find((candidate) => candidate.region === region)?.securityLake?.subscribers ?? [];
  }

  /** Subscriber nodes, and the node for a subscriber a caller could create, per data lake. */
  private addSubscribers(): void {
    for (const scope of this.scopes) {
      if (scope.fallback) continue;
      const newId = newSubscriberId(scope.id);
      this.actors.set(newId, {
        id: newId,
        ref: { id: newId, kind: "subscriber", label: "a new subscriber", accountId: scope.accountId, inOrganization: false },
        principal: { kind: "anonymous", arn: newId },
        policies: { identity: [] },
        evaluable: false,
        placeholder: true,
        lakeScopeId: scope.id,
      });
      for (const subscriber of this.subscribersOf(scope.accountId, scope.region)) {
        this.actors.set(subscriber.subscriberArn, {
          id: subscriber.subscriberArn,
          ref: { id: subscriber.subscriberArn, kind: "subscriber", label: subscriber.subscriberName, accountId: scope.accountId, inOrganization: true },
          principal: { kind: "anonymous", arn: subscriber.subscriberArn },
          policies: { identity: [] },
          evaluable: false,
          subscriber,
          lakeScopeId: scope.id,
        });
        this.addSubscriberEdges(subscriber);
      }
    }
  }

  private addSubscriberEdges(subscriber: ReturnType<GraphBuilder["subscribersOf"]>[number]): void {
    const identity = subscriber.subscriberIdentity.principal;
    const owner = isAccountId(identity) ? accountRootArn(identity) : identity;
    if (isAccountId(identity)) this.addAccountRoot(identity, undefined);
    else this.service(identity);
    this.edges.push({
      from: owner,
      to: subscriber.subscriberArn,
      kind: "subscriberIdentity",
      description: `${identity} is the identity of subscriber ${subscriber.subscriberName}`,
      statements: [],
    });
    if (subscriber.roleArn && this.actors.has(subscriber.roleArn)) {
      this.edges.push({
        from: subscriber.subscriberArn,
        to: subscriber.roleArn,
        kind: "subscriberRole",
        description: `subscriber ${subscriber.subscriberName} reads through role ${subscriber.roleArn} with its external id`,
        statements: [],
      });
    }
  }
}

/** True when some trigger action of the method may be allowed by the actor's identity policies. */
function isTriggered(actor: Actor, method: EscalationMethod): boolean {
  for (const action of method.triggers) {
    if (identityMayAllow(actor, action)) return true;
  }
  return false;
}
