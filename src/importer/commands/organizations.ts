import { z } from "zod";
import { defineCommand, paramOf, policyAt, type CommandParser, timestampSchema } from "../command.js";

// Organizations outputs (PascalCase fields). Each lives in the `global/` folder of the account
// that read the organization: the management account or its delegated administrator.
const accountSchema = z.looseObject({
  Id: z.string().regex(/^\d{12}$/, "expected a 12-digit AWS account id"),
  Arn: z.string(),
  Name: z.string(),
  Status: z.string().optional(),
  JoinedMethod: z.string().optional(),
});
const policySummarySchema = z.looseObject({
  Id: z.string(),
  Arn: z.string(),
  Name: z.string(),
  Type: z.enum(["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"]),
  AwsManaged: z.boolean(),
});
const common = { service: "organizations", iamPrefix: "organizations", scope: "global" } as const;
// Id forms from the Organizations API reference: policy, root and OU ids.
const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;
const PARENT_ID = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;

const describeOrganization = defineCommand({
  ...common,
  command: "describe-organization",
  operation: "DescribeOrganization",
  takesParam: false,
  schema: z.looseObject({
    Organization: z.looseObject({
      Id: z.string(),
      Arn: z.string(),
      MasterAccountId: z.string().regex(/^\d{12}$/, "expected a 12-digit AWS account id"),
      FeatureSet: z.string().optional(),
    }),
  }),
  apply(output, target) {
    const organization = output.Organization;
    target.organization.description = {
      id: organization.Id,
      arn: organization.Arn,
      managementAccountId: organization.MasterAccountId,
      ...(organization.FeatureSet === undefined ? {} : { featureSet: organization.FeatureSet }),
    };
  },
});

const listAccounts = defineCommand({
  ...common,
  command: "list-accounts",
  operation: "ListAccounts",
  takesParam: false,
  schema: z.looseObject({ Accounts: z.array(accountSchema) }),
  apply(output, target) {
    for (const account of output.Accounts) target.organization.addAccount(convertAccount(account));
  },
  isEmpty: (output) => output.Accounts.length === 0,
});

const listRoots = defineCommand({
  ...common,
  command: "list-roots",
  operation: "ListRoots",
  takesParam: false,
  schema: z.looseObject({ Roots: z.array(z.looseObject({ Id: z.string(), Arn: z.string(), Name: z.string() })) }),
  apply(output, target) {
    target.organization.roots ??= new Map();
    for (const root of output.Roots) target.organization.roots.set(root.Id, { id: root.Id, arn: root.Arn, name: root.Name });
  },
  isEmpty: (output) => output.Roots.length === 0,
});

const listOrganizationalUnitsForParent = defineCommand({
  ...common,
  command: "list-organizational-units-for-parent",
  operation: "ListOrganizationalUnitsForParent",
  takesParam: true,
  paramPattern: PARENT_ID,
  schema: z.looseObject({
    OrganizationalUnits: z.array(z.looseObject({ Id: z.string(), Arn: z.string(), Name: z.string() })),
  }),
  apply(output, target) {
    const parentId = paramOf(target);
    for (const unit of output.OrganizationalUnits) {
      target.organization.organizationalUnits.set(unit.Id, { id: unit.Id, arn: unit.Arn, name: unit.Name, parentId });
    }
  },
  isEmpty: (output) => output.OrganizationalUnits.length === 0,
});

const listAccountsForParent = defineCommand({
  ...common,
  command: "list-accounts-for-parent",
  operation: "ListAccountsForParent",
  takesParam: true,
  paramPattern: PARENT_ID,
  schema: z.looseObject({ Accounts: z.array(accountSchema) }),
  apply(output, target) {
    for (const account of output.Accounts) {
      target.organization.addAccount(convertAccount(account));
      target.organization.parentOfAccount.set(account.Id, paramOf(target));
    }
  },
  isEmpty: (output) => output.Accounts.length === 0,
});

const listPolicies = defineCommand({
  ...common,
  command: "list-policies",
  operation: "ListPolicies",
  takesParam: true,
  // Lakewarden reads the two authorization policy types; tag, backup and AI policies grant nothing.
  paramPattern: /^(SERVICE_CONTROL_POLICY|RESOURCE_CONTROL_POLICY)$/,
  schema: z.looseObject({ Policies: z.array(policySummarySchema) }),
  apply(output, target) {
    for (const policy of output.Policies) target.organization.addPolicySummary(convertSummary(policy));
  },
  isEmpty: (output) => output.Policies.length === 0,
});

const describePolicy = defineCommand({
  ...common,
  command: "describe-policy",
  operation: "DescribePolicy",
  takesParam: true,
  paramPattern: POLICY_ID,
  schema: z.looseObject({ Policy: z.looseObject({ PolicySummary: policySummarySchema, Content: z.string() }) }),
  apply(output, target) {
    const summary = convertSummary(output.Policy.PolicySummary);
    // The summary in describe-policy is the same as in list-policies, so either one suffices.
    target.organization.addPolicySummary(summary);
    target.organization.policyDocuments.set(summary.id, policyAt(output.Policy.Content, target, "$.Policy.Content"));
  },
});

const listTargetsForPolicy = defineCommand({
  ...common,
  command: "list-targets-for-policy",
  operation: "ListTargetsForPolicy",
  takesParam: true,
  paramPattern: POLICY_ID,
  schema: z.looseObject({
    Targets: z.array(
      z.looseObject({
        TargetId: z.string(),
        Name: z.string().optional(),
        Type: z.enum(["ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT"]),
      }),
    ),
  }),
  apply(output, target) {
    const targets = output.Targets.map((entry) => ({
      targetId: entry.TargetId,
      type: entry.Type,
      ...(entry.Name === undefined ? {} : { name: entry.Name }),
    }));
    target.organization.policyTargets.set(paramOf(target), targets);
  },
  isEmpty: (output) => output.Targets.length === 0,
});

const listDelegatedAdministrators = defineCommand({
  ...common,
  command: "list-delegated-administrators",
  operation: "ListDelegatedAdministrators",
  takesParam: true,
  schema: z.looseObject({
    DelegatedAdministrators: z.array(
      z.looseObject({
        Id: z.string().regex(/^\d{12}$/, "expected a 12-digit AWS account id"),
        Name: z.string().optional(),
        Status: z.string().optional(),
        DelegationEnabledDate: timestampSchema,
      }),
    ),
  }),
  apply(output, target) {
    const servicePrincipal = paramOf(target);
    for (const admin of output.DelegatedAdministrators) {
      target.organization.delegatedAdministrators.set(`${servicePrincipal} ${admin.Id}`, {
        servicePrincipal,
        accountId: admin.Id,
        ...(admin.Name === undefined ? {} : { name: admin.Name }),
        ...(admin.Status === undefined ? {} : { status: admin.Status }),
        ...(admin.DelegationEnabledDate === undefined ? {} : { delegationEnabledDate: admin.DelegationEnabledDate }),
      });
    }
  },
  isEmpty: (output) => output.DelegatedAdministrators.length === 0,
});

/** The Organizations commands of the layout. */
export const ORGANIZATIONS_COMMANDS: CommandParser[] = [
  describeOrganization,
  listAccounts,
  listRoots,
  listOrganizationalUnitsForParent,
  listAccountsForParent,
  listPolicies,
  describePolicy,
  listTargetsForPolicy,
  listDelegatedAdministrators,
];

function convertAccount(account: z.infer<typeof accountSchema>) {
  return {
    id: account.Id,
    arn: account.Arn,
    name: account.Name,
    ...(account.Status === undefined ? {} : { status: account.Status }),
    ...(account.JoinedMethod === undefined ? {} : { joinedMethod: account.JoinedMethod }),
  };
}

function convertSummary(policy: z.infer<typeof policySummarySchema>) {
  return { id: policy.Id, arn: policy.Arn, name: policy.Name, type: policy.Type, awsManaged: policy.AwsManaged };
}
