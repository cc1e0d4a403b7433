import { z } from "zod";
import { inputError } from "../shared/errors.js";
import type { Finding } from "./finding.js";
import { knownRuleIds } from "./policies.js";
import { RULE_ID_PATTERN } from "./rule-metadata.js";
import { matchesWildcard } from "./wildcard.js";
import { parseYamlInput, readInputFile } from "./yaml-input.js";

/**
 * Accepted risks (`--exceptions FILE`): each entry accepts the findings of one rule whose
 * subject matches a pattern, with a justification, an approver and an expiry date. An entry
 * applies through the end of its expiry day (UTC) and then stops, so the findings return.
 */
export const EXCEPTIONS_VERSION = 1;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD (quote it in YAML)")
  .refine(isCalendarDate, "expected a real calendar date");

// Date.parse rolls 2027-02-31 over into March, so compare the round trip instead.
function isCalendarDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

export const exceptionSchema = z
  .object({
    rule: z.string().regex(RULE_ID_PATTERN, "expected a rule id such as access-unapproved-read"),
    /** The finding subject (ARN, subscriber id, account id) with `*` and `?` wildcards. */
    subject: z.string().min(1),
    justification: z.string().min(1),
    approver: z.string().min(1),
    expires: isoDate,
  })
  .strict();

export const exceptionsFileSchema = z
  .object({ version: z.literal(EXCEPTIONS_VERSION), exceptions: z.array(exceptionSchema) })
  .strict();

export type RiskException = z.infer<typeof exceptionSchema>;

/** Parses and validates exceptions text; unknown rule ids are errors when `knownRules` is given. */
export function parseExceptions(text: string, file: string, knownRules?: ReadonlySet<string>): RiskException[] {
  const parsed = parseYamlInput(text, file, exceptionsFileSchema, "invalidExceptions");
  if (knownRules) {
    parsed.exceptions.forEach((entry, position) => {
      if (!knownRules.has(entry.rule)) {
        throw inputError("invalidExceptions", file, `$.exceptions[${position}].rule`, `unknown rule id "${entry.rule}"`);
      }
    });
  }
  return parsed.exceptions;
}

/** Reads and validates an exceptions file (`--exceptions`); rule ids must be shipped rules. */
export async function loadExceptions(file: string, knownRules: ReadonlySet<string> = knownRuleIds()): Promise<RiskException[]> {
  return parseExceptions(await readInputFile(file), file, knownRules);
}

/** True while the exception applies: through the end of its expiry day, UTC. */
export function isActive(exception: RiskException, now: Date): boolean {
  return now.getTime() < Date.parse(`${exception.expires}T00:00:00Z`) + 24 * 60 * 60 * 1000;
}

/** True when the exception covers the finding's rule and subject. */
export function covers(exception: RiskException, finding: Finding): boolean {
  return exception.rule === finding.ruleId && matchesWildcard(exception.subject, finding.subject.id);
}

/** The findings split by the exceptions, and the exceptions that are expired or matched nothing. */
export interface ExceptionOutcome {
  findings: Finding[];
  acceptedFindings: Finding[];
  expired: RiskException[];
  unused: RiskException[];
}

/** Moves findings covered by an active exception to the accepted list. */
export function applyExceptions(findings: readonly Finding[], exceptions: readonly RiskException[], now: Date): ExceptionOutcome {
  const active = exceptions.filter((exception) => isActive(exception, now));
  const used = new Set<RiskException>();
  const open: Finding[] = [];
  const accepted: Finding[] = [];

  for (const finding of findings) {
    const exception = active.find((candidate) => covers(candidate, finding));
    if (!exception) {
      open.push(finding);
      continue;
    }
    used.add(exception);
    accepted.push({ ...finding, status: "accepted", acceptedBy: { ...exception } });
  }

  return {
    findings: open,
    acceptedFindings: accepted,
    expired: exceptions.filter((exception) => !isActive(exception, now)),
    unused: active.filter((exception) => !used.has(exception)),
  };
}
