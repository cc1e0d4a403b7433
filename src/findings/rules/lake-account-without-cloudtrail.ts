import type { FindingDraft, Rule } from "../rule.js";
import { notAssessed, outcome } from "../rule.js";

/**
 * Active organization accounts that contribute no CloudTrail management events to the lake in
 * any Region (no CLOUD_TRAIL_MGMT source in ListLogSources): actions there leave no record in
 * the security data lake.
 */
export const accountWithoutCloudTrail: Rule = {
  id: "lake-account-without-cloudtrail",
  check(context) {
    const organization = context.snapshot.organization;
    if (!organization) return notAssessed("the organization was not read");

    const lakes = context.index.dataLakes;
    const logSources = lakes.map((lake) =>
      context.index.accounts.get(lake.accountId)?.regions.find((region) => region.region === lake.region)?.securityLake?.logSources,
    );
    if (lakes.length === 0) return notAssessed("no Security Lake data lake in the snapshot");
    if (logSources.every((sources) => sources === undefined)) return notAssessed("the lake's log sources (ListLogSources) were not read");

    const contributing = new Set(
      logSources
        .flatMap((sources) => sources ?? [])
        .filter((entry) => entry.sources.some((source) => source.awsLogSource?.sourceName === "CLOUD_TRAIL_MGMT"))
        .map((entry) => entry.account),
    );

    const findings: FindingDraft[] = organization.accounts
      .filter((account) => (account.status ?? "ACTIVE") === "ACTIVE" && !contributing.has(account.id))
      .map((account) => ({
        subject: { kind: "account", id: account.id, label: account.name, accountId: account.id },
        summary: `Account ${account.name} (${account.id}) contributes no CloudTrail management events to the security data lake.`,
        evidence: [{ kind: "fact", text: "CLOUD_TRAIL_MGMT source for this account", value: "none in any Region" }],
      }));

    const gaps = logSources.flatMap((sources, position) =>
      sources === undefined ? [`log sources of ${lakes[position]?.accountId}/${lakes[position]?.region} not read`] : [],
    );
    return outcome(findings, gaps);
  },
};
