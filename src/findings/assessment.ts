/**
 * Whether a rule could judge its inputs. `partial` means some subjects were judged and others
 * were not (one account's IAM unread, for example), and `gaps` lists which and why.
 */
export interface RuleAssessment {
  ruleId: string;
  status: "assessed" | "partial" | "not-assessed";
  gaps: string[];
  /** True when the rule compared with no baseline, so its findings carry `confidence: low`. */
  withoutBaseline?: boolean;
  /** True when the rule was not assessed only for keys missing from the baseline. */
  baselineGaps?: boolean;
}
