/**
 * Names for people: capability ids, compliance frameworks, severities and coverage states as
 * the report prints them. Unknown ids are shown as they are, so new capabilities or
 * frameworks appear in the report before they get a label here.
 */
import type { Severity } from "../../findings/finding.js";

/** A capability as the report presents it; `question` heads its "who can" section. */
export interface CapabilityLabel {
  id: string;
  title: string;
  question: string;
}

/** The core capabilities in the order a reviewer reads them: the most damaging first. */
export const CAPABILITY_LABELS: readonly CapabilityLabel[] = [
  { id: "lake.blind", title: "Blind the lake", question: "Who can stop or delete the lake's log collection" },
  { id: "lake.tamper", title: "Tamper with lake data", question: "Who can delete, overwrite or unprotect lake data" },
  { id: "lake.administer", title: "Administer the lake", question: "Who can change the lake's configuration and sources" },
  { id: "subscriber.manage", title: "Manage subscribers", question: "Who can create or change subscribers (grant data access)" },
  { id: "lf.grant", title: "Grant Lake Formation permissions", question: "Who can grant Lake Formation access to lake tables" },
  { id: "lake.read", title: "Read lake data", question: "Who can read the lake's security data" },
  { id: "escalate", title: "Escalate to a lake capability", question: "Who can become a principal that holds a lake capability" },
];

/** Capabilities the report lists only when a principal has them, after the core ones. */
const OTHER_LABELS: readonly CapabilityLabel[] = [
  { id: "admin", title: "Administer an account", question: "Who has administrator-equivalent access in the lake's account" },
];

/** Returns the label of a capability, or one built from its id when it has none. */
export function capabilityLabel(id: string): CapabilityLabel {
  return CAPABILITY_LABELS.find((label) => label.id === id) ?? OTHER_LABELS.find((label) => label.id === id) ?? { id, title: id, question: `Who has ${id}` };
}

/** Sort key that puts the core capabilities first, in CAPABILITY_LABELS order. */
export function capabilityOrder(id: string): number {
  const index = CAPABILITY_LABELS.findIndex((label) => label.id === id);
  return index === -1 ? CAPABILITY_LABELS.length : index;
}

/** Framework ids as control ids carry them (`NIST-800-53:AU-9`), with their published names. */
const FRAMEWORK_NAMES: Readonly<Record<string, string>> = {
  "NIST-800-53": "NIST SP 800-53 Rev. 5",
  "PCI-DSS-4.0": "PCI DSS v4.0",
  "CIS-AWS-3.0": "CIS AWS Foundations Benchmark v3.0.0",
  SOC2: "SOC 2 Trust Services Criteria",
  "ISO-27001-2022": "ISO/IEC 27001:2022",
};

/** Returns the published name of a framework id, or the id itself when it is not known. */
export function frameworkName(id: string): string {
  return FRAMEWORK_NAMES[id] ?? id;
}

/** Splits `NIST-800-53:AU-9(4)` into framework and control; an id without `:` is all control. */
export function splitControlId(id: string): { framework: string; control: string } {
  const colon = id.indexOf(":");
  return colon === -1 ? { framework: "", control: id } : { framework: id.slice(0, colon), control: id.slice(colon + 1) };
}

export const SEVERITY_TITLES: Readonly<Record<Severity, string>> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  info: "Informational",
};

/** Titles of the coverage states, as the coverage page prints them. */
export const COVERAGE_STATE_TITLES: Readonly<Record<string, string>> = {
  denied: "Access denied",
  "throttled-out": "Throttled until retries ran out",
  error: "Failed",
  "not-enabled": "Region not enabled",
  skipped: "Skipped",
  missing: "Export file missing",
};
