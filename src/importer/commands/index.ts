import type { CommandParser } from "../command.js";
import { ACCESS_ANALYZER_COMMANDS } from "./access-analyzer.js";
import { CLOUDTRAIL_COMMANDS } from "./cloudtrail.js";
import { getAccountAuthorizationDetails } from "./iam-authorization-details.js";
import { getCredentialReport } from "./iam-credential-report.js";
import { KMS_COMMANDS } from "./kms.js";
import { LAKE_FORMATION_COMMANDS } from "./lake-formation.js";
import { ORGANIZATIONS_COMMANDS } from "./organizations.js";
import { RAM_COMMANDS } from "./ram.js";
import { S3_COMMANDS } from "./s3.js";
import { SECURITY_LAKE_COMMANDS } from "./securitylake.js";
import { SQS_ATHENA_COMMANDS } from "./sqs-athena.js";

/** Every command of the export layout, keyed by `<service>__<command>`. */
export const COMMAND_PARSERS: ReadonlyMap<string, CommandParser> = new Map(
  [
    getAccountAuthorizationDetails,
    getCredentialReport,
    ...ORGANIZATIONS_COMMANDS,
    ...SECURITY_LAKE_COMMANDS,
    ...S3_COMMANDS,
    ...KMS_COMMANDS,
    ...LAKE_FORMATION_COMMANDS,
    ...CLOUDTRAIL_COMMANDS,
    ...RAM_COMMANDS,
    ...SQS_ATHENA_COMMANDS,
    ...ACCESS_ANALYZER_COMMANDS,
  ].map((parser) => [`${parser.service}__${parser.command}`, parser]),
);
