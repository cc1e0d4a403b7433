import type { Rule } from "../rule.js";
import { unapprovedHoldersRule } from "./unapproved-holders.js";

/** Principals that can hold lake.blind without the baseline's approval. */
export const unapprovedBlind: Rule = unapprovedHoldersRule("access-unapproved-blind", "lake.blind", "blind the security data lake (delete sources or the lake, shorten retention, stop logging)");
