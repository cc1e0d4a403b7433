import { GenerateCredentialReportCommand, GetCredentialReportCommand } from "@aws-sdk/client-iam";
import type { AccountContext } from "../service.js";
import { scopeOf } from "../service.js";

/** Polls for the report this many times, two seconds apart, before reading whatever IAM has. */
const GENERATE_POLLS = 10;
const POLL_INTERVAL_MS = 2_000;

/**
 * The IAM credential report: which users have passwords, MFA and active access keys. IAM builds
 * it on request, so the report is generated first and read once complete. It contains no
 * password or key, only whether they exist and when they were used.
 */
export async function readCredentialReport(context: AccountContext, region: string): Promise<void> {
  const client = context.client("iam", "us-east-1");
  const scope = scopeOf(context, region);

  for (let poll = 0; poll < GENERATE_POLLS; poll += 1) {
    const generated = await context.reader.read(scope, { service: "iam", operation: "GenerateCredentialReport", exported: false }, () =>
      client.send(new GenerateCredentialReportCommand({})),
    );
    if (!generated || generated.State === "COMPLETE") break;
    await context.clock.sleep(POLL_INTERVAL_MS);
  }

  // ReportNotPresent means IAM has no report to give yet, which the read records as empty.
  await context.reader.read(
    scope,
    { service: "iam", operation: "GetCredentialReport", notConfiguredCodes: ["ReportNotPresent", "ReportInProgress"] },
    () => client.send(new GetCredentialReportCommand({})),
  );
}
