import { paginateGetAccountAuthorizationDetails, type GetAccountAuthorizationDetailsCommandOutput } from "@aws-sdk/client-iam";
import { toCliOutput } from "../export/records.js";
import { scopeOf, type ServiceCollector } from "../service.js";
import { readCredentialReport } from "./credential-report.js";
import { decodeIamPolicyDocument } from "./policy-document.js";

// IAM accepts up to 1,000 items per page; a large page keeps an account's call count flat.
const PAGE_SIZE = 1000;

/**
 * IAM: one paginated GetAccountAuthorizationDetails per account returns every user, group, role
 * and managed policy with its documents, so no call is made per principal. The credential
 * report follows.
 */
export const iamCollector: ServiceCollector = {
  service: "iam",
  scope: "global",
  accounts: "all",
  async collect(context, region) {
    const client = context.client("iam", "us-east-1");
    await context.reader.readPages<GetAccountAuthorizationDetailsCommandOutput>(
      scopeOf(context, region),
      {
        service: "iam",
        operation: "GetAccountAuthorizationDetails",
        tokenKey: "Marker",
        listKeys: ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"],
        toExport: authorizationDetailsAsCli,
      },
      () => paginateGetAccountAuthorizationDetails({ client, pageSize: PAGE_SIZE }, {}),
    );
    await readCredentialReport(context, region);
  },
};

type Json = Record<string, unknown>;

/** Converts the SDK output to the CLI's, decoding every policy document as the AWS CLI does. */
function authorizationDetailsAsCli(output: GetAccountAuthorizationDetailsCommandOutput): unknown {
  const details = toCliOutput(output) as Json;
  for (const user of list(details.UserDetailList)) decodeList(user.UserPolicyList, "PolicyDocument");
  for (const group of list(details.GroupDetailList)) decodeList(group.GroupPolicyList, "PolicyDocument");
  for (const role of list(details.RoleDetailList)) {
    decodeList(role.RolePolicyList, "PolicyDocument");
    decodeField(role, "AssumeRolePolicyDocument");
  }
  for (const policy of list(details.Policies)) decodeList(policy.PolicyVersionList, "Document");
  return details;
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

function decodeList(value: unknown, field: string): void {
  for (const entry of list(value)) decodeField(entry, field);
}

function decodeField(entry: Json, field: string): void {
  const text = entry[field];
  if (typeof text === "string") entry[field] = decodeIamPolicyDocument(text);
}
