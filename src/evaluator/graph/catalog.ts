import type { AccountSnapshot, ManagedPolicy, PolicyDocument, Snapshot } from "../../model/snapshot.js";
import type { CompiledPolicy, PolicySource, PolicyType } from "../types.js";
import type { PolicyEngine } from "./engine.js";

/**
 * Every policy of a snapshot compiled once and shared: a managed policy attached to ten
 * thousand principals is compiled one time. Lookups are by managed policy ARN, by owner and
 * inline name, and by account for SCP and RCP levels.
 */
export class PolicyCatalog {
  private readonly managed = new Map<string, CompiledPolicy>();
  private readonly managedDocuments = new Map<string, ManagedPolicy>();
  private readonly scpLevelsByAccount = new Map<string, (readonly CompiledPolicy[])[]>();
  private readonly rcpLevelsByAccount = new Map<string, (readonly CompiledPolicy[])[]>();
  private compiledCount = 0;
  private readonly flawedPolicies: CompiledPolicy[] = [];

  constructor(
    private readonly snapshot: Snapshot,
    private readonly engine: PolicyEngine,
  ) {
    for (const account of snapshot.accounts) this.indexManaged(account);
    this.indexOrganizationPolicies();
  }

  /** Number of documents compiled so far: one per distinct policy, for the benchmark. */
  get size(): number {
    return this.compiledCount;
  }

  /** The compiled default version of a managed policy, or undefined when the snapshot lacks it. */
  managedPolicy(arn: string): CompiledPolicy | undefined {
    const cached = this.managed.get(arn);
    if (cached) return cached;

    const policy = this.managedDocuments.get(arn);
    if (!policy) return undefined;
    const version = policy.versions.find((candidate) => candidate.versionId === policy.defaultVersionId) ?? policy.versions.find((candidate) => candidate.isDefault);
    if (!version) return undefined;
    const compiled = this.compile(version.document, { type: "identity", id: arn, name: policy.name });
    this.managed.set(arn, compiled);
    return compiled;
  }

  /** The managed policy record (all versions), for escalation methods that edit versions. */
  managedRecord(arn: string): ManagedPolicy | undefined {
    return this.managedDocuments.get(arn);
  }

  /** The same managed policy compiled as a permissions boundary (its evidence says so). */
  boundary(arn: string): CompiledPolicy | undefined {
    const key = `boundary:${arn}`;
    const cached = this.managed.get(key);
    if (cached) return cached;

    const policy = this.managedDocuments.get(arn);
    const version = policy?.versions.find((candidate) => candidate.versionId === policy.defaultVersionId);
    if (!policy || !version) return undefined;
    const compiled = this.compile(version.document, { type: "boundary", id: arn, name: policy.name });
    this.managed.set(key, compiled);
    return compiled;
  }

  /** SCP levels (organization root first, account last) for principals of an account. */
  scpLevels(accountId: string): readonly (readonly CompiledPolicy[])[] | undefined {
    return this.scpLevelsByAccount.get(accountId);
  }

  /** RCP levels for resources of an account; undefined when no RCP applies. */
  rcpLevels(accountId: string): readonly (readonly CompiledPolicy[])[] | undefined {
    return this.rcpLevelsByAccount.get(accountId);
  }

  /**
   * Policies compiled so far that could not be read or break the grammar. The graph evaluates
   * what it can of them, so the audit reports each as input it could not fully assess.
   */
  get flawed(): readonly CompiledPolicy[] {
    return this.flawedPolicies;
  }

  /** Compiles a document that is not shared (inline, trust, resource policies). */
  compile(document: PolicyDocument, source: PolicySource): CompiledPolicy {
    this.compiledCount += 1;
    const compiled = this.engine.compile(document, source);
    if (compiled.problems.length > 0 || !compiled.usable) this.flawedPolicies.push(compiled);
    return compiled;
  }

  private indexManaged(account: AccountSnapshot): void {
    for (const policy of account.iam?.policies ?? []) {
      if (!this.managedDocuments.has(policy.arn)) this.managedDocuments.set(policy.arn, policy);
    }
  }

  private indexOrganizationPolicies(): void {
    const organization = this.snapshot.organization;
    if (!organization) return;

    const parentOf = new Map<string, string>();
    for (const unit of organization.organizationalUnits) parentOf.set(unit.id, unit.parentId);
    const byTarget = { SERVICE_CONTROL_POLICY: new Map<string, CompiledPolicy[]>(), RESOURCE_CONTROL_POLICY: new Map<string, CompiledPolicy[]>() };
    for (const policy of organization.policies) {
      const type: PolicyType = policy.type === "SERVICE_CONTROL_POLICY" ? "scp" : "rcp";
      const compiled = this.compile(policy.document, { type, id: policy.arn, name: policy.name });
      const targets = byTarget[policy.type];
      for (const target of policy.targets) {
        const list = targets.get(target.targetId) ?? [];
        list.push(compiled);
        targets.set(target.targetId, list);
      }
    }

    for (const account of organization.accounts) {
      const chain = ancestry(account.parentId, parentOf);
      chain.push(account.id);
      // NOTE: AWS keeps at least one SCP on every node, so an empty level means the snapshot
      // missed it; such a level is left out rather than read as "deny everything".
      const scps = chain.map((id) => byTarget.SERVICE_CONTROL_POLICY.get(id) ?? []).filter((level) => level.length > 0);
      if (scps.length > 0) this.scpLevelsByAccount.set(account.id, scps);
      const rcps = chain.map((id) => byTarget.RESOURCE_CONTROL_POLICY.get(id) ?? []).filter((level) => level.length > 0);
      if (rcps.length > 0) this.rcpLevelsByAccount.set(account.id, rcps);
    }
  }
}

/** The root-first list of OU and root ids above a parent. */
function ancestry(parentId: string | undefined, parentOf: ReadonlyMap<string, string>): string[] {
  const chain: string[] = [];
  let current = parentId;
  while (current !== undefined && chain.length < 10) {
    chain.unshift(current);
    current = parentOf.get(current);
  }
  return chain;
}
