import { FakeAwsError, type FakeRequest, type ServiceHandlers } from "../request.js";
import type { FakeWorld } from "../world.js";
import { paged } from "./paging.js";

function requireManagement(request: FakeRequest, world: FakeWorld): void {
  if (request.accountId !== world.managementAccountId) {
    throw new FakeAwsError("AccessDeniedException", "You don't have permissions to access this resource.");
  }
}

const listPage = (listKey: string) => ({ listKey, inputToken: "NextToken", outputToken: "NextToken" });

function publicAccount(account: FakeWorld["accounts"][number]) {
  const { parentId: _parentId, ...rest } = account;
  return { ...rest, JoinedTimestamp: new Date("2024-01-01T00:00:00Z") };
}

/** Organizations, answered only in the management account. */
export const ORGANIZATIONS: ServiceHandlers = {
  DescribeOrganization: (request, world) => {
    requireManagement(request, world);
    return {
      Organization: {
        Id: "o-fake",
        Arn: `arn:aws:organizations::${world.managementAccountId}:organization/o-fake`,
        FeatureSet: "ALL",
        MasterAccountId: world.managementAccountId,
        MasterAccountArn: `arn:aws:organizations::${world.managementAccountId}:account/o-fake/${world.managementAccountId}`,
      },
    };
  },
  ListAccounts: (request, world) => {
    requireManagement(request, world);
    return paged(world, request, world.accounts.map(publicAccount), listPage("Accounts"));
  },
  ListRoots: (request, world) => {
    requireManagement(request, world);
    return paged(world, request, world.roots.map((root) => ({ ...root, PolicyTypes: [] })), listPage("Roots"));
  },
  ListOrganizationalUnitsForParent: (request, world) => {
    requireManagement(request, world);
    const units = world.organizationalUnits.filter((unit) => unit.parentId === request.params.ParentId).map(({ parentId: _parentId, ...unit }) => unit);
    return paged(world, request, units, listPage("OrganizationalUnits"));
  },
  ListAccountsForParent: (request, world) => {
    requireManagement(request, world);
    const accounts = world.accounts.filter((account) => account.parentId === request.params.ParentId).map(publicAccount);
    return paged(world, request, accounts, listPage("Accounts"));
  },
  ListPolicies: (request, world) => {
    requireManagement(request, world);
    const policies = world.policies.filter((policy) => policy.summary.Type === request.params.Filter).map((policy) => policy.summary);
    return paged(world, request, policies, listPage("Policies"));
  },
  DescribePolicy: (request, world) => {
    requireManagement(request, world);
    const policy = world.policies.find((candidate) => candidate.summary.Id === request.params.PolicyId);
    if (!policy) throw new FakeAwsError("PolicyNotFoundException", `no policy ${String(request.params.PolicyId)}`);
    return { Policy: { PolicySummary: policy.summary, Content: policy.content } };
  },
  ListTargetsForPolicy: (request, world) => {
    requireManagement(request, world);
    const policy = world.policies.find((candidate) => candidate.summary.Id === request.params.PolicyId);
    return paged(world, request, policy?.targets ?? [], listPage("Targets"));
  },
  ListDelegatedAdministrators: (request, world) => {
    requireManagement(request, world);
    const admin = world.accounts.find((account) => account.Id === world.lakeAdminAccountId);
    const delegated = request.params.ServicePrincipal === "securitylake.amazonaws.com" && admin
      ? [{ ...publicAccount(admin), DelegationEnabledDate: new Date("2024-02-01T00:00:00Z") }]
      : [];
    return paged(world, request, delegated, listPage("DelegatedAdministrators"));
  },
};
