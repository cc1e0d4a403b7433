/**
 * Types of the comparison between IAM Access Analyzer's external-access findings and Lakewarden's
 * access paths, per lake resource and per principal account outside the analyzer's zone of trust.
 */

/** The outcome of comparing the two tools on one resource and one principal account. */
export type ComparisonOutcome = "agree" | "only-access-analyzer" | "only-lakewarden";

/** One compared pair: a lake resource and an account (or any account) that reaches it. */
export interface AnalyzerComparisonRow {
  outcome: ComparisonOutcome;
  /** Bucket, key or role ARN. */
  resource: string;
  /** `AWS::S3::Bucket`, `AWS::KMS::Key`, `AWS::IAM::Role`, or the type Access Analyzer reported. */
  resourceType: string;
  resourceAccountId?: string;
  /** The principal's account id, `*` for any AWS account, or absent when Access Analyzer's finding does not name it. */
  principalAccountId?: string;
  /** Ids of the Access Analyzer findings on the resource that this row is based on. */
  findingIds: string[];
  /** True when every finding behind the row is archived (marked as intended in Access Analyzer). */
  archived: boolean;
  /** Principals of that account that Lakewarden found reaching the resource, by label. */
  lakewardenPrincipals: string[];
  /** Lakewarden's shortest path for the first of those principals, as `A → B → C`. */
  path?: string;
  /** One sentence giving the reason the tools agree or differ. */
  explanation: string;
}

/** An analyzer the comparison used. */
export interface AnalyzerSummary {
  arn: string;
  name: string;
  /** `ORGANIZATION` or `ACCOUNT`: the zone of trust. */
  type: string;
  accountId: string;
  region: string;
  status?: string;
}

/** The comparison as the audit result carries it. */
export interface AccessAnalyzerComparison {
  /** `not-assessed` when the snapshot contains no external-access analyzer. */
  status: "compared" | "not-assessed";
  /** The reason the comparison was not made. */
  reason?: string;
  analyzers: AnalyzerSummary[];
  rows: AnalyzerComparisonRow[];
  counts: Record<ComparisonOutcome, number>;
  /** Access Analyzer findings on resources outside the lake, which are not compared. */
  otherFindings: number;
  /** Lake resources in Regions or accounts that no analyzer covers. */
  uncoveredResources: string[];
}

/** The accounts an analyzer trusts: the organization's members, or its own account. */
export interface ZoneOfTrust {
  kind: "organization" | "account";
  contains(accountId: string | undefined): boolean;
}
