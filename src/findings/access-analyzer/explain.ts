/** The sentence behind each comparison row: why the two tools agree or differ. */
import type { AnalyzerFinding } from "./analyzer-data.js";
import { lastSegment, type LakeResource } from "./lake-resources.js";
import type { ResourceAccess } from "./lakewarden-access.js";
import type { ZoneOfTrust } from "./types.js";

function accountWords(accountId: string | undefined): string {
  if (accountId === undefined) return "a principal the finding summary does not name";
  return accountId === "*" ? "any AWS account" : `account ${accountId}`;
}

function zoneWords(zone: ZoneOfTrust): string {
  return zone.kind === "organization" ? "the organization" : "its own account";
}

/** Both tools see the principal's account reach the resource directly through its policy. */
export function explainAgreement(resource: LakeResource, accountId: string, findings: readonly AnalyzerFinding[], accesses: readonly ResourceAccess[]): string {
  const archived = findings.every((finding) => finding.status === "ARCHIVED");
  const conditional = accesses.every((access) => access.conditional);
  return (
    `Both report that ${accountWords(accountId)} can use ${lastSegment(resource.arn)} through its ${policyWords(resource)}` +
    (archived ? "; Access Analyzer's finding is archived, so someone marked this access as intended." : ".") +
    (conditional ? " Lakewarden finds it allowed only under conditions, such as an external id, that the snapshot cannot check." : "")
  );
}

/** Lakewarden reaches the resource where Access Analyzer, by design, does not look. */
export function explainOnlyLakewarden(resource: LakeResource, accountId: string, accesses: readonly ResourceAccess[], zone: ZoneOfTrust, analyzer: { name: string }): string {
  const direct = accesses.filter((access) => !zone.contains(access.callerAccountId));
  if (zone.contains(accountId)) {
    const chain = accesses.find((access) => access.via.length > 0);
    return (
      `${capitalise(accountWords(accountId))} is inside ${zoneWords(zone)}, the zone of trust of analyzer ${analyzer.name}, so Access Analyzer does not report it; ` +
      `Lakewarden reports it because a finding flags ${accesses[0]!.principalLabel}` +
      (chain ? `, which reaches ${lastSegment(resource.arn)} by assuming ${chain.via.map(lastSegment).join(" then ")}.` : ".")
    );
  }
  if (direct.length === 0) {
    const via = accesses[0]!.via.map(lastSegment).join(" then ");
    return (
      `${capitalise(accountWords(accountId))} reaches ${lastSegment(resource.arn)} only by first assuming ${via}, inside the zone of trust; ` +
      `Access Analyzer reads each resource policy on its own and does not follow role chains, so it can at most report the first role.`
    );
  }
  return (
    `Lakewarden finds that ${accountWords(accountId)} can use ${lastSegment(resource.arn)} through its ${policyWords(resource)}, but Access Analyzer has no active or archived finding on it: ` +
    `the analyzer may not have rescanned since the policy changed, or an archive rule or a resolved finding hides it.`
  );
}

/** Access Analyzer reports access that Lakewarden does not find. */
export function explainOnlyAnalyzer(resource: LakeResource, finding: AnalyzerFinding, accesses: readonly ResourceAccess[], zone: ZoneOfTrust): string {
  const principalWords = accountWords(finding.principalAccounts[0]);
  if (accesses.some((access) => !zone.contains(access.originAccountId) && access.via.length > 0)) {
    return `Access Analyzer reports ${principalWords} on ${lastSegment(resource.arn)}, but Lakewarden's shortest path for those principals goes through another role, so the direct grant is not shown as their path.`;
  }
  return (
    `Access Analyzer reports ${principalWords} on ${lastSegment(resource.arn)}, but Lakewarden finds no principal outside the zone of trust that can use it: ` +
    `a service or resource control policy, a permissions boundary or a condition Lakewarden evaluates denies it, or the grant gives no lake capability. ` +
    `Access Analyzer's external-access findings read the resource policy alone and do not apply resource control policies.`
  );
}

function policyWords(resource: LakeResource): string {
  if (resource.type === "AWS::IAM::Role") return "trust policy";
  return resource.type === "AWS::KMS::Key" ? "key policy" : "bucket policy";
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
