import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListDelegatedAdministrators,
  paginateListOrganizationalUnitsForParent,
  paginateListPolicies,
  paginateListRoots,
  paginateListTargetsForPolicy,
  type ListAccountsCommandOutput,
  type ListAccountsForParentCommandOutput,
  type ListTargetsForPolicyCommandOutput,
  type ListDelegatedAdministratorsCommandOutput,
  type ListOrganizationalUnitsForParentCommandOutput,
  type ListPoliciesCommandOutput,
  type ListRootsCommandOutput,
  type OrganizationsClient,
  type PolicyType,
} from "@aws-sdk/client-organizations";
import { GLOBAL } from "../scope.js";
import type { AccountContext } from "../service.js";

/** The parts of the organization the rest of the run needs. */
export interface OrganizationView {
  /** Active member accounts, the reading account included; empty when the organization was not read. */
  readonly accounts: readonly { readonly id: string; readonly name?: string }[];
  readonly managementAccountId?: string;
  /** The Security Lake delegated administrator, when one is registered. */
  readonly securityLakeAdminId?: string;
}

export const SECURITY_LAKE_PRINCIPAL = "securitylake.amazonaws.com";
const POLICY_TYPES: readonly PolicyType[] = ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"];

/**
 * Reads the organization from the management account (or its delegated administrator): the
 * tree, SCPs and RCPs with their targets, and delegated administrators. The calls run one at a
 * time because Organizations throttles concurrent calls from one account hard.
 */
export async function collectOrganization(context: AccountContext): Promise<OrganizationView> {
  const client = context.client("organizations", "us-east-1");
  const scope = { accountId: context.accountId, region: GLOBAL };
  const reader = context.reader;

  const description = await reader.read(scope, { service: "organizations", operation: "DescribeOrganization" }, () =>
    client.send(new DescribeOrganizationCommand({})),
  );
  if (!description) return { accounts: [] };

  const accounts = await reader.readPages<ListAccountsCommandOutput>(
    scope,
    { service: "organizations", operation: "ListAccounts", tokenKey: "NextToken", listKeys: ["Accounts"], isEmpty: (output) => !output.Accounts?.length },
    () => paginateListAccounts({ client }, {}),
  );
  await readTree(context, client);
  await readPolicies(context, client);
  const delegated = await reader.readPages<ListDelegatedAdministratorsCommandOutput>(
    scope,
    {
      service: "organizations",
      operation: "ListDelegatedAdministrators",
      param: SECURITY_LAKE_PRINCIPAL,
      tokenKey: "NextToken",
      listKeys: ["DelegatedAdministrators"],
      isEmpty: (output) => !output.DelegatedAdministrators?.length,
    },
    () => paginateListDelegatedAdministrators({ client }, { ServicePrincipal: SECURITY_LAKE_PRINCIPAL }),
  );

  const active = (accounts?.Accounts ?? []).filter((account) => account.Id && account.Status !== "SUSPENDED");
  const view: OrganizationView = {
    accounts: active.map((account) => ({ id: account.Id as string, ...(account.Name === undefined ? {} : { name: account.Name }) })),
    ...(description.Organization?.MasterAccountId === undefined ? {} : { managementAccountId: description.Organization.MasterAccountId }),
  };
  const lakeAdmin = delegated?.DelegatedAdministrators?.[0]?.Id;
  return lakeAdmin === undefined ? view : { ...view, securityLakeAdminId: lakeAdmin };
}

/** Walks roots and organizational units breadth first, reading each parent's units and accounts. */
async function readTree(context: AccountContext, client: OrganizationsClient): Promise<void> {
  const scope = { accountId: context.accountId, region: GLOBAL };
  const roots = await context.reader.readPages<ListRootsCommandOutput>(
    scope,
    { service: "organizations", operation: "ListRoots", tokenKey: "NextToken", listKeys: ["Roots"], isEmpty: (output) => !output.Roots?.length },
    () => paginateListRoots({ client }, {}),
  );

  const parents = (roots?.Roots ?? []).flatMap((root) => (root.Id ? [root.Id] : []));
  for (let index = 0; index < parents.length; index += 1) {
    const parentId = parents[index] as string;
    const units = await context.reader.readPages<ListOrganizationalUnitsForParentCommandOutput>(
      scope,
      { service: "organizations", operation: "ListOrganizationalUnitsForParent", param: parentId, tokenKey: "NextToken", listKeys: ["OrganizationalUnits"], isEmpty: (output) => !output.OrganizationalUnits?.length },
      () => paginateListOrganizationalUnitsForParent({ client }, { ParentId: parentId }),
    );
    for (const unit of units?.OrganizationalUnits ?? []) if (unit.Id) parents.push(unit.Id);

    await context.reader.readPages<ListAccountsForParentCommandOutput>(
      scope,
      { service: "organizations", operation: "ListAccountsForParent", param: parentId, tokenKey: "NextToken", listKeys: ["Accounts"], isEmpty: (output) => !output.Accounts?.length },
      () => paginateListAccountsForParent({ client }, { ParentId: parentId }),
    );
  }
}

/** Reads every SCP and RCP with its document and targets. */
async function readPolicies(context: AccountContext, client: OrganizationsClient): Promise<void> {
  const scope = { accountId: context.accountId, region: GLOBAL };
  for (const filter of POLICY_TYPES) {
    const policies = await context.reader.readPages<ListPoliciesCommandOutput>(
      scope,
      { service: "organizations", operation: "ListPolicies", param: filter, tokenKey: "NextToken", listKeys: ["Policies"], isEmpty: (output) => !output.Policies?.length },
      () => paginateListPolicies({ client }, { Filter: filter }),
    );

    for (const policy of policies?.Policies ?? []) {
      const policyId = policy.Id;
      if (!policyId) continue;
      await context.reader.read(scope, { service: "organizations", operation: "DescribePolicy", param: policyId }, () =>
        client.send(new DescribePolicyCommand({ PolicyId: policyId })),
      );
      await context.reader.readPages<ListTargetsForPolicyCommandOutput>(
        scope,
        { service: "organizations", operation: "ListTargetsForPolicy", param: policyId, tokenKey: "NextToken", listKeys: ["Targets"], isEmpty: (output) => !output.Targets?.length },
        () => paginateListTargetsForPolicy({ client }, { PolicyId: policyId }),
      );
    }
  }
}
