import type { Organization, OrganizationPolicy, PolicyDocument } from "../model/snapshot.js";
import { compareText, sortedValues } from "./region-builder.js";

type Account = Organization["accounts"][number];
type Root = Organization["roots"][number];
type OrganizationalUnit = Organization["organizationalUnits"][number];
type DelegatedAdministrator = Organization["delegatedAdministrators"][number];
type PolicyTarget = OrganizationPolicy["targets"][number];
type PolicyType = OrganizationPolicy["type"];

/** A policy summary from `list-policies`, before its content and targets are joined. */
export interface PolicySummary {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly type: PolicyType;
  readonly awsManaged: boolean;
}

/**
 * The organization as read from the Organizations files of every account folder that contains
 * them. Organizations returns the same data to the management account and to a delegated
 * administrator, so files from several folders merge by id.
 */
export class OrganizationBuilder {
  description: { id: string; arn: string; managementAccountId: string; featureSet?: string } | undefined;
  readonly accounts = new Map<string, Account>();
  readonly parentOfAccount = new Map<string, string>();
  roots: Map<string, Root> | undefined;
  readonly organizationalUnits = new Map<string, OrganizationalUnit>();
  readonly policySummaries = new Map<string, PolicySummary>();
  readonly policyDocuments = new Map<string, PolicyDocument>();
  readonly policyTargets = new Map<string, PolicyTarget[]>();
  readonly delegatedAdministrators = new Map<string, DelegatedAdministrator>();
  /** True once any Organizations file was read. */
  touched = false;

  /** Adds what `other` read; on conflicts `other` wins, so merge folders in a fixed order. */
  mergeFrom(other: OrganizationBuilder): void {
    if (!other.touched) return;
    this.touched = true;
    this.description = other.description ?? this.description;
    for (const account of other.accounts.values()) this.addAccount(account);
    copyInto(this.parentOfAccount, other.parentOfAccount);
    if (other.roots) this.roots = copyInto(this.roots ?? new Map(), other.roots);
    copyInto(this.organizationalUnits, other.organizationalUnits);
    copyInto(this.policySummaries, other.policySummaries);
    copyInto(this.policyDocuments, other.policyDocuments);
    copyInto(this.policyTargets, other.policyTargets);
    copyInto(this.delegatedAdministrators, other.delegatedAdministrators);
  }

  addAccount(account: Account): void {
    const known = this.accounts.get(account.id);
    this.accounts.set(account.id, { ...known, ...account });
  }

  addPolicySummary(summary: PolicySummary): void {
    this.policySummaries.set(summary.id, summary);
  }

  /** Builds the organization, or undefined when `describe-organization` was not read. */
  build(): Organization | undefined {
    if (!this.description) return undefined;

    const accounts = sortedValues(this.accounts).map((account) => {
      const parentId = this.parentOfAccount.get(account.id);
      return parentId === undefined ? account : { ...account, parentId };
    });
    const organization: Organization = {
      ...this.description,
      roots: this.roots ? sortedValues(this.roots) : [],
      organizationalUnits: sortedValues(this.organizationalUnits),
      accounts,
      policies: this.buildPolicies(),
      delegatedAdministrators: [...this.delegatedAdministrators.values()].sort(
        (a, b) => compareText(a.servicePrincipal, b.servicePrincipal) || compareText(a.accountId, b.accountId),
      ),
    };
    return organization;
  }

  /**
   * Joins summaries, contents and targets. A policy whose content was not read is left out,
   * because the schema needs its document, and its coverage gap records why.
   */
  private buildPolicies(): OrganizationPolicy[] {
    const policies: OrganizationPolicy[] = [];
    for (const summary of sortedValues(this.policySummaries)) {
      const document = this.policyDocuments.get(summary.id);
      if (document === undefined) continue;

      // NOTE: when list-targets-for-policy was not read, the policy is kept with no targets, so
      // it applies nowhere in the evaluation. The coverage gap for that file is the only sign.
      const targets = [...(this.policyTargets.get(summary.id) ?? [])].sort((a, b) => compareText(a.targetId, b.targetId));
      policies.push({ ...summary, document, targets });
    }
    return policies;
  }
}

function copyInto<K, V>(target: Map<K, V>, source: ReadonlyMap<K, V>): Map<K, V> {
  for (const [key, value] of source) target.set(key, value);
  return target;
}
