import type { CoverageEntry, Snapshot } from "../model/snapshot.js";
import type { CompiledPolicy, PolicyType } from "../evaluator/types.js";
import { isAccountId, parseArn } from "../shared/arn.js";

/** The service and operation each kind of policy is read with, for its coverage entry. */
const READ_FROM: Record<PolicyType, { service: string; operation: string }> = {
  identity: { service: "iam", operation: "GetAccountAuthorizationDetails" },
  boundary: { service: "iam", operation: "GetAccountAuthorizationDetails" },
  trust: { service: "iam", operation: "GetAccountAuthorizationDetails" },
  session: { service: "sts", operation: "AssumeRole" },
  scp: { service: "organizations", operation: "DescribePolicy" },
  rcp: { service: "organizations", operation: "DescribePolicy" },
  resource: { service: "s3", operation: "GetBucketPolicy" },
  key: { service: "kms", operation: "GetKeyPolicy" },
};

/** The error code of a coverage gap for a policy that breaks the grammar or could not be decoded. */
export const MALFORMED_POLICY_CODE = "MalformedPolicyDocument";

/** More problems than this in one policy are counted rather than listed. */
const LISTED_PROBLEMS = 3;

/**
 * Builds one coverage gap per policy that could not be read or breaks the policy grammar, in
 * the account that owns it. IAM rejects such documents when they are written. One in the input
 * is a damaged export or a form Lakewarden does not parse, and what its broken statements grant
 * or deny was not assessed.
 */
export function flawedPolicyGaps(policies: readonly CompiledPolicy[], snapshot: Snapshot): CoverageEntry[] {
  const seen = new Set<string>();
  const gaps: CoverageEntry[] = [];
  for (const policy of policies) {
    const { source } = policy;
    if (seen.has(source.id)) continue;
    seen.add(source.id);

    const readFrom = READ_FROM[source.type];
    const listed = policy.problems.slice(0, LISTED_PROBLEMS).map((problem) => `${problem.path}: ${problem.message}`);
    const more = policy.problems.length - listed.length;
    const consequence = policy.usable ? "statements with these problems were not evaluated" : "the document could not be read, so it was evaluated as granting nothing";
    gaps.push({
      accountId: ownerAccount(source.id, source.type, snapshot),
      region: regionOf(source.id),
      service: readFrom.service,
      operation: readFrom.operation,
      param: source.id,
      state: "error",
      errorCode: MALFORMED_POLICY_CODE,
      message: `${source.name ? `policy ${source.name}: ` : ""}${consequence}: ${listed.join("; ")}${more > 0 ? `; and ${more} more` : ""}`,
    });
  }
  return gaps;
}

/** Returns a copy of the snapshot with the gaps appended, leaving the loaded snapshot unchanged. */
export function withCoverageGaps(snapshot: Snapshot, gaps: readonly CoverageEntry[]): Snapshot {
  return gaps.length === 0 ? snapshot : { ...snapshot, coverage: [...snapshot.coverage, ...gaps] };
}

function ownerAccount(id: string, type: PolicyType, snapshot: Snapshot): string {
  const arn = parseArn(id);
  if (arn && isAccountId(arn.accountId)) return arn.accountId;
  if (arn?.accountId === "aws") return "aws";
  if (type === "scp" || type === "rcp") return snapshot.organization?.managementAccountId ?? snapshot.managementAccountId ?? "organization";
  return "unknown";
}

function regionOf(id: string): string {
  const region = parseArn(id)?.region;
  return region ? region : "global";
}
