import type { DataLake, IamRole, RegionSnapshot, Subscriber } from "../../model/snapshot.js";
import type { Located } from "../lake-index.js";
import type { FindingDraft, RuleContext, RuleOutcome } from "../rule.js";
import { notAssessed } from "../rule.js";

/** A check of one lake, one subscriber, ...: findings, or the reason it could not judge. */
export type SubjectCheck = FindingDraft | FindingDraft[] | { gap: string } | undefined;

/**
 * Runs `check` on every data lake. With no data lake at all the rule is not assessed: a lake
 * setting cannot pass when there is no lake to hold it.
 */
export function checkEachLake(context: RuleContext, check: (lake: Located<DataLake>) => SubjectCheck): RuleOutcome {
  const lakes = context.index.dataLakes;
  const unread = context.index.dataLakeUnread.map((where) => `data lake state of ${where} not read`);
  if (lakes.length === 0) return notAssessed(...(unread.length > 0 ? unread : ["no Security Lake data lake in the snapshot"]));
  return collect(lakes.map(check), unread);
}

/** Runs `check` on every subscriber of every data lake. */
export function checkEachSubscriber(context: RuleContext, check: (subscriber: Located<Subscriber>) => SubjectCheck): RuleOutcome {
  const unread = context.index.subscribersUnread.map((where) => `subscribers of ${where} not read`);
  if (context.index.dataLakes.length === 0) {
    const lakeUnread = context.index.dataLakeUnread.map((where) => `data lake state of ${where} not read`);
    return notAssessed(...(lakeUnread.length > 0 ? lakeUnread : ["no Security Lake data lake in the snapshot"]));
  }
  if (context.index.subscribers.length === 0 && unread.length > 0) return notAssessed(...unread);
  return collect(context.index.subscribers.map(check), unread);
}

/**
 * Runs `check` on each S3 subscriber with the IAM role Security Lake created for it. Subscribers
 * without a role (query-access ones) are skipped; a role missing from the snapshot is a gap.
 */
export function checkEachSubscriberRole(
  context: RuleContext,
  check: (subscriber: Located<Subscriber>, role: Located<IamRole>) => SubjectCheck,
): RuleOutcome {
  return checkEachSubscriber(context, (subscriber) => {
    const roleArn = subscriber.item.roleArn;
    if (!roleArn) return undefined;

    const role = context.index.roles.get(roleArn);
    if (!role) return { gap: `subscriber role ${roleArn} not in the snapshot` };
    return check(subscriber, role);
  });
}

function collect(results: SubjectCheck[], initialGaps: string[]): RuleOutcome {
  const findings: FindingDraft[] = [];
  const gaps = [...initialGaps];
  let judged = 0;

  for (const result of results) {
    if (result && "gap" in result) {
      gaps.push(result.gap);
      continue;
    }
    judged += 1;
    if (Array.isArray(result)) findings.push(...result);
    else if (result) findings.push(result);
  }
  return { findings, gaps, assessed: judged > 0 || results.length === 0 };
}

/** Returns the Region snapshot of an account, if the snapshot has it. */
export function regionSnapshot(context: RuleContext, accountId: string, region: string): RegionSnapshot | undefined {
  return context.index.accounts.get(accountId)?.regions.find((entry) => entry.region === region);
}

/** Builds the subject of a finding about a data lake. */
export function lakeSubject(lake: Located<DataLake>): FindingDraft["subject"] {
  return { kind: "resource", id: lake.item.dataLakeArn, label: `data lake in ${lake.region}`, accountId: lake.accountId, region: lake.region };
}

/** Builds the subject of a finding about a subscriber. */
export function subscriberSubject(subscriber: Located<Subscriber>): FindingDraft["subject"] {
  return {
    kind: "subscriber",
    id: subscriber.item.subscriberId,
    label: subscriber.item.subscriberName,
    accountId: subscriber.accountId,
    region: subscriber.region,
  };
}

/** Lists the names of the sources a subscriber receives. */
export function sourceNames(subscriber: Subscriber): string[] {
  return subscriber.sources
    .map((source) => source.awsLogSource?.sourceName ?? source.customLogSource?.sourceName)
    .filter((name): name is string => name !== undefined);
}
