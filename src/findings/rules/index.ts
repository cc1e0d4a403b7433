import type { Rule } from "../rule.js";
import { externalAccountAccess } from "./access-external-account.js";
import { roleTrustTooBroad } from "./access-role-trust-too-broad.js";
import { unapprovedAdminister } from "./access-unapproved-administer.js";
import { unapprovedBlind } from "./access-unapproved-blind.js";
import { unapprovedLfGrant } from "./access-unapproved-lf-grant.js";
import { unapprovedRead } from "./access-unapproved-read.js";
import { unapprovedSubscriberManage } from "./access-unapproved-subscriber-manage.js";
import { unapprovedTamper } from "./access-unapproved-tamper.js";
import { userLongTermKeys } from "./access-user-long-term-keys.js";
import { coverageGap } from "./coverage-gap.js";
import { accountWithoutCloudTrail } from "./lake-account-without-cloudtrail.js";
import { bucketObjectLockMissing } from "./lake-bucket-object-lock-missing.js";
import { bucketPolicyTooBroad } from "./lake-bucket-policy-too-broad.js";
import { bucketVersioningDisabled } from "./lake-bucket-versioning-disabled.js";
import { keyPolicyTooBroad } from "./lake-key-policy-too-broad.js";
import { noCustomerManagedKey } from "./lake-no-customer-managed-key.js";
import { noDelegatedAdministrator } from "./lake-no-delegated-administrator.js";
import { orgNotEnrollingNewAccounts } from "./lake-org-not-enrolling-new-accounts.js";
import { retentionBelowMinimum } from "./lake-retention-below-minimum.js";
import { unexpectedDelegatedAdministrator } from "./lake-unexpected-delegated-administrator.js";
import { noLakeScp } from "./org-no-lake-scp.js";
import { subscriberAccountNotApproved } from "./subscriber-account-not-approved.js";
import { subscriberExceedsApproval } from "./subscriber-exceeds-approval.js";
import { lfShareBeyondSubscriber } from "./subscriber-lf-share-beyond-subscriber.js";
import { notificationEndpointNotAllowed } from "./subscriber-notification-endpoint-not-allowed.js";
import { subscriberOutsideOrganization } from "./subscriber-outside-organization.js";
import { subscriberRoleBoundaryOrExtraPolicies } from "./subscriber-role-boundary-or-extra-policies.js";
import { subscriberRoleTrustTooBroad } from "./subscriber-role-trust-too-broad.js";

/** Every rule, in report order: subscribers, the lake itself, access, coverage. */
export const RULES: readonly Rule[] = [
  subscriberAccountNotApproved,
  subscriberOutsideOrganization,
  subscriberRoleTrustTooBroad,
  subscriberExceedsApproval,
  notificationEndpointNotAllowed,
  lfShareBeyondSubscriber,
  subscriberRoleBoundaryOrExtraPolicies,
  retentionBelowMinimum,
  noCustomerManagedKey,
  bucketPolicyTooBroad,
  keyPolicyTooBroad,
  noDelegatedAdministrator,
  unexpectedDelegatedAdministrator,
  orgNotEnrollingNewAccounts,
  accountWithoutCloudTrail,
  bucketVersioningDisabled,
  bucketObjectLockMissing,
  unapprovedBlind,
  unapprovedTamper,
  unapprovedAdminister,
  unapprovedRead,
  unapprovedSubscriberManage,
  unapprovedLfGrant,
  externalAccountAccess,
  roleTrustTooBroad,
  userLongTermKeys,
  noLakeScp,
  coverageGap,
];
