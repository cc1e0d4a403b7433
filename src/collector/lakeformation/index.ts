import { GetDataLakeSettingsCommand, paginateListPermissions, type ListPermissionsCommandOutput } from "@aws-sdk/client-lakeformation";
import { roleArnOfSession } from "../../shared/arn.js";
import { scopeOf, type ServiceCollector } from "../service.js";

/**
 * Lake Formation: the data lake settings and the permission grants. ListPermissions returns
 * only what the caller may see, so when the caller is not a data lake administrator the
 * Region is marked caller-filtered.
 */
export const lakeFormationCollector: ServiceCollector = {
  service: "lakeformation",
  scope: "regional",
  accounts: "lake",
  async collect(context, region) {
    const client = context.client("lakeformation", region);
    const scope = scopeOf(context, region);
    const settings = await context.reader.read(scope, { service: "lakeformation", operation: "GetDataLakeSettings" }, () =>
      client.send(new GetDataLakeSettingsCommand({})),
    );
    const permissions = await context.reader.readPages<ListPermissionsCommandOutput>(
      scope,
      {
        service: "lakeformation",
        operation: "ListPermissions",
        tokenKey: "NextToken",
        listKeys: ["PrincipalResourcePermissions"],
        isEmpty: (output) => !output.PrincipalResourcePermissions?.length,
      },
      () => paginateListPermissions({ client }, {}),
    );
    if (!permissions) return;

    const admins = [...(settings?.DataLakeSettings?.DataLakeAdmins ?? []), ...(settings?.DataLakeSettings?.ReadOnlyAdmins ?? [])];
    // NOTE: a session ARN carries no role path, so an administrator entry with a path never matches
    // and the view is marked caller-filtered; that errs towards "partial", never towards "complete".
    const caller = context.callerArn === undefined ? undefined : (roleArnOfSession(context.callerArn) ?? context.callerArn);
    const isAdmin = caller !== undefined && admins.some((admin) => admin.DataLakePrincipalIdentifier === caller);
    if (!isAdmin) context.markCallerFiltered(region);
  },
};
