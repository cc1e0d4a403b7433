import { FakeAwsError, type ServiceHandlers } from "../request.js";

/** STS: the caller's identity and AssumeRole into the organization's audit role. */
export const STS: ServiceHandlers = {
  GetCallerIdentity: (request) => ({
    Account: request.accountId,
    Arn: `arn:aws:iam::${request.accountId}:user/auditor`,
    UserId: `AIDA${request.accountId}`,
  }),

  AssumeRole: (request, world) => {
    const roleArn = String(request.params.RoleArn ?? "");
    const accountId = roleArn.split(":")[4] ?? "";
    if (world.deniedAssumeRole.has(accountId) || !world.iam[accountId]) {
      throw new FakeAwsError("AccessDenied", `User: arn:aws:iam::${request.accountId}:user/auditor is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
    }
    if (typeof request.params.Policy !== "string") throw new FakeAwsError("ValidationError", "the fake expects a session policy on every AssumeRole");

    return {
      Credentials: {
        AccessKeyId: `ASIAFAKE${accountId}`,
        SecretAccessKey: "fake-secret",
        SessionToken: `fake-session-token-${accountId}`,
        Expiration: new Date(Date.now() + 3600_000),
      },
      AssumedRoleUser: { Arn: `arn:aws:sts::${accountId}:assumed-role/${roleArn.split("/").pop()}/${String(request.params.RoleSessionName)}`, AssumedRoleId: `AROA${accountId}:session` },
    };
  },
};
