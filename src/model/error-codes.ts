import type { CoverageState } from "./snapshot.js";

/**
 * AWS error codes and the coverage state each gives a failed read. `collect` (from SDK errors)
 * and `import` (from the AWS CLI's stderr) share this table, so the same failure is recorded
 * the same way whichever read the organization.
 */

/** The caller lacks a permission (IAM, an SCP, a key policy, Lake Formation). */
const DENIED_CODES = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "AllAccessDisabled",
  "AuthorizationError",
  "AuthorizationErrorException",
  "Forbidden",
  "UnauthorizedAccess",
  "UnauthorizedException",
  "UnauthorizedOperation",
]);

/** The call was throttled after every retry was spent. */
const THROTTLED_CODES = new Set([
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ThrottledException",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
]);

/** The feature is not turned on for the account or Region, a gap with its own state. */
const NOT_ENABLED_CODES = new Set([
  "AWSOrganizationsNotInUseException",
  "OptInRequired",
  "PolicyTypeNotEnabledException",
  "SubscriptionRequiredException",
]);

/** Returns the coverage state of a failed read's error code. */
export function coverageStateOfErrorCode(code: string): CoverageState {
  if (DENIED_CODES.has(code)) return "denied";
  if (THROTTLED_CODES.has(code)) return "throttled-out";
  if (NOT_ENABLED_CODES.has(code)) return "not-enabled";
  return "error";
}
