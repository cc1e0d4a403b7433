import type { ClientOf, ServiceName } from "./clients.js";
import type { Clock, RateLimiter } from "./limits.js";
import type { Reader, ReadScope } from "./reader.js";

/** The lake resources the Security Lake collector found in one Region, for the collectors that read them. */
export interface LakeResources {
  readonly bucketNames: Set<string>;
  readonly kmsKeyIds: Set<string>;
}

/** Everything a service collector needs to read one account. */
export interface AccountContext {
  readonly accountId: string;
  /** `aws`, `aws-cn` or `aws-us-gov`. */
  readonly partition: string;
  /** Whether this account is the Security Lake delegated administrator, where the data lake lives. */
  readonly isLakeAccount: boolean;
  readonly reader: Reader;
  client<S extends ServiceName>(service: S, region: string): ClientOf<S>;
  /** The lake's buckets and keys per Region, filled by the Security Lake collector. */
  lakeResources(region: string): LakeResources;
  /** The CloudTrail LookupEvents limiter of this account and Region (2 requests per second). */
  lookupEventsLimiter(region: string): RateLimiter;
  /** The run's clock, for waits such as a credential report being generated. */
  readonly clock: Clock;
  /** Start of the CloudTrail event window. */
  readonly eventsSince: Date;
  /** The principal the collector runs as in this account, to tell whether Lake Formation filtered its view. */
  readonly callerArn?: string;
  /** Marks the Region's Lake Formation permissions as filtered to what a non-administrator caller may see. */
  markCallerFiltered(region: string): void;
}

/** Returns the read scope of `context` in `region`. */
export function scopeOf(context: AccountContext, region: string): ReadScope {
  return { accountId: context.accountId, region };
}

/** One AWS service's reads in one account, for one Region (or `global` once per account). */
export interface ServiceCollector {
  readonly service: ServiceName;
  /** `global` collectors run once per account; `regional` ones once per collected Region. */
  readonly scope: "global" | "regional";
  /** `all` accounts, or only the Security Lake delegated administrator account. */
  readonly accounts: "all" | "lake";
  collect(context: AccountContext, region: string): Promise<void>;
}
