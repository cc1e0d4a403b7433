import { z } from "zod";
import type { Iam, IamGroup, IamRole, IamUser, ManagedPolicy } from "../../model/snapshot.js";
import { parseArn } from "../../shared/arn.js";
import { defineCommand, policyAt, timestampSchema, type FileTarget } from "../command.js";
import { compareText } from "../region-builder.js";

// `iam get-account-authorization-details` output. Documents are objects in the CLI's decoded
// form and URL-encoded strings in the raw API form; decodePolicyDocument takes both.
const document = z.unknown();
const tagList = z.array(z.looseObject({ Key: z.string(), Value: z.string() })).optional();
const inlinePolicies = z.array(z.looseObject({ PolicyName: z.string(), PolicyDocument: document })).optional();
const attachedPolicies = z.array(z.looseObject({ PolicyName: z.string().optional(), PolicyArn: z.string() })).optional();
const boundary = z.looseObject({ PermissionsBoundaryArn: z.string().optional() }).nullish();

const userSchema = z.looseObject({
  Path: z.string(),
  UserName: z.string(),
  UserId: z.string(),
  Arn: z.string(),
  CreateDate: timestampSchema,
  UserPolicyList: inlinePolicies,
  GroupList: z.array(z.string()).optional(),
  AttachedManagedPolicies: attachedPolicies,
  PermissionsBoundary: boundary,
  Tags: tagList,
});

const groupSchema = z.looseObject({
  Path: z.string(),
  GroupName: z.string(),
  GroupId: z.string(),
  Arn: z.string(),
  GroupPolicyList: inlinePolicies,
  AttachedManagedPolicies: attachedPolicies,
});

const roleSchema = z.looseObject({
  Path: z.string(),
  RoleName: z.string(),
  RoleId: z.string(),
  Arn: z.string(),
  CreateDate: timestampSchema,
  AssumeRolePolicyDocument: document,
  InstanceProfileList: z.array(z.looseObject({ InstanceProfileName: z.string(), Arn: z.string() })).optional(),
  RolePolicyList: inlinePolicies,
  AttachedManagedPolicies: attachedPolicies,
  PermissionsBoundary: boundary,
  Tags: tagList,
  RoleLastUsed: z.looseObject({ LastUsedDate: timestampSchema, Region: z.string().nullish() }).nullish(),
});

const policySchema = z.looseObject({
  PolicyName: z.string(),
  PolicyId: z.string().optional(),
  Arn: z.string(),
  Path: z.string(),
  DefaultVersionId: z.string(),
  PolicyVersionList: z
    .array(z.looseObject({ Document: document, VersionId: z.string(), IsDefaultVersion: z.boolean() }))
    .optional(),
});

/** The output of `iam get-account-authorization-details`; a list AWS left out reads as empty. */
export const authorizationDetailsSchema = z.looseObject({
  UserDetailList: z.array(userSchema).optional(),
  GroupDetailList: z.array(groupSchema).optional(),
  RoleDetailList: z.array(roleSchema).optional(),
  Policies: z.array(policySchema).optional(),
});

export type AuthorizationDetails = z.infer<typeof authorizationDetailsSchema>;
type InlinePolicies = z.infer<typeof inlinePolicies>;
type Where = Pick<FileTarget, "file">;

/** Converts an authorization-details output into the snapshot's IAM part, decoding every document. */
export function convertAuthorizationDetails(details: AuthorizationDetails, where: Where): Iam {
  const users = (details.UserDetailList ?? []).map((user, index) => convertUser(user, where, `$.UserDetailList[${index}]`));
  const groups = (details.GroupDetailList ?? []).map((group, index) => convertGroup(group, where, `$.GroupDetailList[${index}]`));
  const roles = (details.RoleDetailList ?? []).map((role, index) => convertRole(role, where, `$.RoleDetailList[${index}]`));
  const policies = (details.Policies ?? []).map((policy, index) => convertPolicy(policy, where, `$.Policies[${index}]`));

  return {
    users: users.sort(byArn),
    groups: groups.sort(byArn),
    roles: roles.sort(byArn),
    policies: policies.sort(byArn),
  };
}

/** Returns the account of an authorization-details output: the account of its first customer ARN. */
export function accountOfAuthorizationDetails(details: AuthorizationDetails): string | undefined {
  const arns = [
    ...(details.UserDetailList ?? []).map((user) => user.Arn),
    ...(details.RoleDetailList ?? []).map((role) => role.Arn),
    ...(details.GroupDetailList ?? []).map((group) => group.Arn),
    ...(details.Policies ?? []).map((policy) => policy.Arn),
  ];
  for (const arn of arns) {
    const accountId = parseArn(arn)?.accountId;
    if (accountId && /^\d{12}$/.test(accountId)) return accountId;
  }
  return undefined;
}

export const getAccountAuthorizationDetails = defineCommand({
  service: "iam",
  command: "get-account-authorization-details",
  iamPrefix: "iam",
  operation: "GetAccountAuthorizationDetails",
  scope: "global",
  takesParam: false,
  schema: authorizationDetailsSchema,
  apply(details, target) {
    target.account.iam = convertAuthorizationDetails(details, target);
  },
});

function convertUser(user: z.infer<typeof userSchema>, where: Where, path: string): IamUser {
  const converted: IamUser = {
    arn: user.Arn,
    name: user.UserName,
    id: user.UserId,
    path: user.Path,
    groups: [...(user.GroupList ?? [])].sort(compareText),
    attachedPolicies: attachedArns(user.AttachedManagedPolicies),
    inlinePolicies: convertInline(user.UserPolicyList, where, `${path}.UserPolicyList`),
    tags: tagsOf(user.Tags),
  };
  if (user.CreateDate) converted.createDate = user.CreateDate;
  if (user.PermissionsBoundary?.PermissionsBoundaryArn) converted.permissionsBoundary = user.PermissionsBoundary.PermissionsBoundaryArn;
  return converted;
}

function convertGroup(group: z.infer<typeof groupSchema>, where: Where, path: string): IamGroup {
  return {
    arn: group.Arn,
    name: group.GroupName,
    id: group.GroupId,
    path: group.Path,
    attachedPolicies: attachedArns(group.AttachedManagedPolicies),
    inlinePolicies: convertInline(group.GroupPolicyList, where, `${path}.GroupPolicyList`),
  };
}

function convertRole(role: z.infer<typeof roleSchema>, where: Where, path: string): IamRole {
  const converted: IamRole = {
    arn: role.Arn,
    name: role.RoleName,
    id: role.RoleId,
    path: role.Path,
    trustPolicy: policyAt(role.AssumeRolePolicyDocument, where, `${path}.AssumeRolePolicyDocument`),
    attachedPolicies: attachedArns(role.AttachedManagedPolicies),
    inlinePolicies: convertInline(role.RolePolicyList, where, `${path}.RolePolicyList`),
    tags: tagsOf(role.Tags),
    instanceProfiles: (role.InstanceProfileList ?? [])
      .map((profile) => ({ arn: profile.Arn, name: profile.InstanceProfileName }))
      .sort(byArn),
  };
  if (role.CreateDate) converted.createDate = role.CreateDate;
  if (role.PermissionsBoundary?.PermissionsBoundaryArn) converted.permissionsBoundary = role.PermissionsBoundary.PermissionsBoundaryArn;

  const lastUsed = role.RoleLastUsed;
  if (lastUsed && (lastUsed.LastUsedDate || lastUsed.Region)) {
    converted.lastUsed = {};
    if (lastUsed.LastUsedDate) converted.lastUsed.date = lastUsed.LastUsedDate;
    if (lastUsed.Region) converted.lastUsed.region = lastUsed.Region;
  }
  return converted;
}

function convertPolicy(policy: z.infer<typeof policySchema>, where: Where, path: string): ManagedPolicy {
  const converted: ManagedPolicy = {
    arn: policy.Arn,
    name: policy.PolicyName,
    path: policy.Path,
    defaultVersionId: policy.DefaultVersionId,
    // AWS managed policies are the only ones whose ARN has `aws` in the account field.
    awsManaged: parseArn(policy.Arn)?.accountId === "aws",
    versions: (policy.PolicyVersionList ?? []).map((version, index) => ({
      versionId: version.VersionId,
      isDefault: version.IsDefaultVersion,
      document: policyAt(version.Document, where, `${path}.PolicyVersionList[${index}].Document`),
    })),
  };
  if (policy.PolicyId) converted.id = policy.PolicyId;
  return converted;
}

function convertInline(list: InlinePolicies, where: Where, path: string): IamUser["inlinePolicies"] {
  const policies = (list ?? []).map((policy, index) => ({
    name: policy.PolicyName,
    document: policyAt(policy.PolicyDocument, where, `${path}[${index}].PolicyDocument`),
  }));
  return policies.sort((a, b) => compareText(a.name, b.name));
}

function attachedArns(list: z.infer<typeof attachedPolicies>): string[] {
  return (list ?? []).map((policy) => policy.PolicyArn).sort(compareText);
}

function tagsOf(list: z.infer<typeof tagList>): Record<string, string> {
  // fromEntries defines own properties, so a tag named `__proto__` stays a tag.
  return Object.fromEntries((list ?? []).map((tag) => [tag.Key, tag.Value]));
}

function byArn(a: { arn: string }, b: { arn: string }): number {
  return compareText(a.arn, b.arn);
}
