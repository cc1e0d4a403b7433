import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { LakewardenError } from "../shared/errors.js";
import type { Credentials, CredentialsProvider } from "./clients.js";
import { SYSTEM_CLOCK, type Clock } from "./limits.js";
import { readOnlySessionPolicy } from "./read-only-operations.js";

/** How to provide credentials, printed when none are found. */
export const NO_CREDENTIALS_HELP =
  "no AWS credentials found: pass --profile NAME (or set AWS_PROFILE), export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws sso login` first";

/**
 * Resolves the starting credentials with the SDK's default chain (environment, SSO, web
 * identity, shared files, container and instance metadata), once, so a missing setup fails
 * before any read is attempted.
 */
export async function resolveBaseCredentials(profile: string | undefined): Promise<CredentialsProvider> {
  const chain = fromNodeProviderChain(profile === undefined ? {} : { profile });
  try {
    await chain();
  } catch (error) {
    throw new LakewardenError("noCredentials", NO_CREDENTIALS_HELP, { cause: error });
  }
  return chain;
}

/** The role to assume in one member account. */
export interface AssumeRoleTarget {
  readonly roleArn: string;
  readonly externalId?: string;
  /** `lakewarden-<run id>`, so member accounts can see who read them in CloudTrail. */
  readonly sessionName: string;
}

/** Sessions are renewed this long before they expire, so no call is signed with stale keys. */
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

/**
 * Credentials for one member account: AssumeRole with the read-only session policy, renewed
 * shortly before the session expires. One provider serves every client of the account, so the
 * account costs one AssumeRole per session rather than one per client.
 */
export function assumeRoleProvider(sts: STSClient, target: AssumeRoleTarget, clock: Clock = SYSTEM_CLOCK): CredentialsProvider {
  let current: Credentials | undefined;
  let pending: Promise<Credentials> | undefined;

  const assume = async (): Promise<Credentials> => {
    const response = await sts.send(
      new AssumeRoleCommand({
        RoleArn: target.roleArn,
        RoleSessionName: target.sessionName,
        ExternalId: target.externalId,
        Policy: readOnlySessionPolicy(),
        DurationSeconds: 3600,
      }),
    );
    const issued = response.Credentials;
    if (!issued?.AccessKeyId || !issued.SecretAccessKey) {
      throw new LakewardenError("internal", `AssumeRole on ${target.roleArn} returned no credentials`);
    }
    return {
      accessKeyId: issued.AccessKeyId,
      secretAccessKey: issued.SecretAccessKey,
      ...(issued.SessionToken === undefined ? {} : { sessionToken: issued.SessionToken }),
      ...(issued.Expiration === undefined ? {} : { expiration: issued.Expiration }),
    };
  };

  return async () => {
    if (current && !expiresSoon(current, clock)) return current;
    // Concurrent callers share one AssumeRole instead of each starting their own.
    pending ??= assume().finally(() => {
      pending = undefined;
    });
    current = await pending;
    return current;
  };
}

function expiresSoon(credentials: Credentials, clock: Clock): boolean {
  if (!credentials.expiration) return false;
  return credentials.expiration.getTime() - clock.now() <= RENEW_BEFORE_EXPIRY_MS;
}
