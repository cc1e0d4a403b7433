/**
 * findings.json: Lakewarden's own machine-readable result, documented in docs/findings-json.md.
 * `schemaVersion` changes only when a field is removed or changes meaning; added fields keep it.
 */
import type { AuditResult } from "../../findings/audit-result.js";
import { sortFindings } from "../view/findings.js";
import { jsonChunks } from "./json-chunks.js";

/** The findings.json schema this writer produces. */
export const FINDINGS_JSON_SCHEMA_VERSION = 1;

/** Builds the findings.json document of an audit result. */
export function buildFindingsJson(result: AuditResult): Record<string, unknown> {
  const acceptances = new Map((result.acceptances ?? []).map((acceptance) => [acceptance.findingId, acceptance]));

  return {
    schemaVersion: FINDINGS_JSON_SCHEMA_VERSION,
    generator: { name: "lakewarden", version: result.lakewardenVersion ?? null },
    run: {
      runId: result.runId,
      auditedAt: result.auditedAt,
      collectedAt: result.collectedAt,
      organizationId: result.organizationId ?? null,
      source: result.source,
      accountCount: result.accountCount,
      principalCount: result.principalCount,
      capabilitiesOnAnyResource: result.capabilitiesOnAnyResource === true,
    },
    summary: {
      countsBySeverity: result.countsBySeverity,
      findings: result.findings.length,
      accepted: result.acceptedFindings.length,
      controls: {
        passed: result.controls.filter((control) => control.status === "passed").length,
        failed: result.controls.filter((control) => control.status === "failed").length,
        notAssessed: result.controls.filter((control) => control.status === "not-assessed").length,
      },
      coverageComplete: result.coverageGaps.length === 0,
    },
    findings: sortFindings(result.findings),
    resolvedFindingIds: result.resolvedFindingIds ?? [],
    accepted: sortFindings(result.acceptedFindings).map((finding) => ({ ...finding, acceptance: acceptances.get(finding.id) ?? null })),
    // NOTE: each entry repeats its grant's path, which the evidence of the findings about that
    // grant also contains. In the 50,000-principal benchmark that is about 115 of 284 MB.
    // Schema version 1 keeps both; referring to paths by id would need a new version.
    access: result.grants.map((grant) => ({
      capability: grant.capability,
      principal: grant.principal,
      decision: grant.decision,
      hops: grant.path.length,
      path: grant.path,
      resources: grant.resources,
      ...(grant.otherRoutes ? { otherRoutes: grant.otherRoutes } : {}),
    })),
    subscribers: result.subscribers.map((access) => ({
      subscriberId: access.subscriber.subscriberId,
      subscriberArn: access.subscriber.subscriberArn,
      name: access.subscriber.subscriberName,
      accountId: access.accountId,
      region: access.region,
      principal: access.subscriber.subscriberIdentity.principal,
      accessTypes: access.subscriber.accessTypes,
      sources: access.subscriber.sources,
      approved: access.approved,
      insideOrganization: access.insideOrganization,
    })),
    controls: result.controls,
    accessAnalyzer: result.accessAnalyzer ?? null,
    coverage: { complete: result.coverageGaps.length === 0, gaps: result.coverageGaps },
  };
}

/** Serialises findings.json as one string, the same text `findingsJsonChunks` yields. */
export function formatFindingsJson(result: AuditResult): string {
  return [...findingsJsonChunks(result)].join("");
}

/**
 * findings.json in chunks, the same text as `formatFindingsJson`; the report writer uses it
 * because a large organization's document is longer than one string can be.
 */
export function findingsJsonChunks(result: AuditResult): Generator<string> {
  return jsonChunks(buildFindingsJson(result));
}
