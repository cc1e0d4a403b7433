import { z } from "zod";
import { inputError } from "../../shared/errors.js";
import { defineCommand, paramOf, type CommandParser, type FileTarget, regionOf } from "../command.js";
import type { ResourceOwner } from "../region-builder.js";

// RAM files are named by resource owner: SELF (shares this account owns) or OTHER-ACCOUNTS
// (shares given to it). Principals and resources join their share by ARN when built. An empty
// file or a missing list reads as an empty list, as RAM's REST-JSON responses may leave it out.
const common = {
  service: "ram",
  iamPrefix: "ram",
  scope: "regional",
  takesParam: true,
  paramPattern: /^(SELF|OTHER-ACCOUNTS)$/,
  acceptsEmptyOutput: true,
} as const;

const getResourceShares = defineCommand({
  ...common,
  command: "get-resource-shares",
  operation: "GetResourceShares",
  schema: z.looseObject({
    resourceShares: z.array(
      z.looseObject({
        resourceShareArn: z.string(),
        name: z.string(),
        owningAccountId: z.string(),
        allowExternalPrincipals: z.boolean().optional(),
        status: z.string().optional(),
      }),
    ).default([]),
  }),
  apply(output, target) {
    const region = regionOf(target);
    const owner = ownerOf(target);
    region.sharesRead.add(owner);
    for (const share of output.resourceShares) {
      region.shareOwners.set(share.resourceShareArn, owner);
      region.resourceShares.set(share.resourceShareArn, {
        arn: share.resourceShareArn,
        name: share.name,
        owningAccountId: share.owningAccountId,
        ...(share.allowExternalPrincipals === undefined ? {} : { allowExternalPrincipals: share.allowExternalPrincipals }),
        ...(share.status === undefined ? {} : { status: share.status }),
      });
    }
  },
  isEmpty: (output) => output.resourceShares.length === 0,
});

const listPrincipals = defineCommand({
  ...common,
  command: "list-principals",
  operation: "ListPrincipals",
  schema: z.looseObject({ principals: z.array(z.looseObject({ id: z.string(), resourceShareArn: z.string() })).default([]) }),
  apply(output, target) {
    const region = regionOf(target);
    region.sharePrincipalsRead.add(ownerOf(target));
    for (const principal of output.principals) addTo(region.sharePrincipals, principal.resourceShareArn, principal.id);
  },
  isEmpty: (output) => output.principals.length === 0,
});

const listResources = defineCommand({
  ...common,
  command: "list-resources",
  operation: "ListResources",
  schema: z.looseObject({ resources: z.array(z.looseObject({ arn: z.string(), resourceShareArn: z.string().optional() })).default([]) }),
  apply(output, target) {
    const region = regionOf(target);
    region.shareResourcesRead.add(ownerOf(target));
    for (const resource of output.resources) {
      if (resource.resourceShareArn !== undefined) addTo(region.shareResources, resource.resourceShareArn, resource.arn);
    }
  },
  isEmpty: (output) => output.resources.length === 0,
});

/** The RAM commands of the layout. */
export const RAM_COMMANDS: CommandParser[] = [getResourceShares, listPrincipals, listResources];

function ownerOf(target: FileTarget): ResourceOwner {
  const owner = paramOf(target);
  if (owner === "SELF" || owner === "OTHER-ACCOUNTS") return owner;
  throw inputError("invalidExport", target.file, undefined, `unknown resource owner "${owner}" in the file name, expected SELF or OTHER-ACCOUNTS`);
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let values = map.get(key);
  if (!values) {
    values = new Set();
    map.set(key, values);
  }
  values.add(value);
}
