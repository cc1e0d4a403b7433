/** The Region name of global services (IAM, Organizations) in coverage and the export layout. */
export const GLOBAL = "global";

/** The Region where IAM and Organizations record their CloudTrail events and serve their API. */
export const GLOBAL_SERVICES_REGION = "us-east-1";
