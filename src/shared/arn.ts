/**
 * ARN parsing. An ARN has six colon-separated parts; the resource part may itself contain
 * colons, so only the first five separators split.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  readonly resource: string;
}

export function parseArn(text: string): Arn | undefined {
  if (!text.startsWith("arn:")) return undefined;
  const parts = text.split(":");
  if (parts.length < 6) return undefined;
  const [, partition, service, region, accountId] = parts as [string, string, string, string, string];
  return { partition, service, region, accountId, resource: parts.slice(5).join(":") };
}

export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.accountId}:${arn.resource}`;
}

/** Twelve decimal digits: the form of every AWS account id. */
export function isAccountId(text: string): boolean {
  return /^\d{12}$/.test(text);
}

/** The account root principal ARN, which stands for the whole account in policies. */
export function accountRootArn(accountId: string, partition = "aws"): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

/**
 * The IAM role ARN behind an assumed-role session ARN
 * (`arn:aws:sts::111122223333:assumed-role/Name/session` gives `arn:aws:iam::111122223333:role/Name`).
 * Role paths are not part of session ARNs, so the result carries no path.
 */
export function roleArnOfSession(sessionArn: string): string | undefined {
  const arn = parseArn(sessionArn);
  if (!arn || arn.service !== "sts" || !arn.resource.startsWith("assumed-role/")) return undefined;
  const roleName = arn.resource.split("/")[1];
  if (!roleName) return undefined;
  return `arn:${arn.partition}:iam::${arn.accountId}:role/${roleName}`;
}

/** The name of an IAM user or role from its ARN: the last path segment. */
export function principalNameOfArn(arnText: string): string | undefined {
  const arn = parseArn(arnText);
  if (!arn) return undefined;
  const segments = arn.resource.split("/");
  return segments[segments.length - 1];
}
