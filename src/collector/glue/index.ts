import { GetResourcePolicyCommand } from "@aws-sdk/client-glue";
import { scopeOf, type ServiceCollector } from "../service.js";

/** Glue: the Data Catalog resource policy, which Security Lake's tables sit under. */
export const glueCollector: ServiceCollector = {
  service: "glue",
  scope: "regional",
  accounts: "lake",
  async collect(context, region) {
    const client = context.client("glue", region);
    // EntityNotFoundException means the catalog has no resource policy.
    await context.reader.read(scopeOf(context, region), { service: "glue", operation: "GetResourcePolicy", notConfiguredCodes: ["EntityNotFoundException"] }, () =>
      client.send(new GetResourcePolicyCommand({})),
    );
  },
};
