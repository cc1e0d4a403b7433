import { z } from "zod";
import { defineCommand, policyAt, type CommandParser, regionOf } from "../command.js";

// Glue's catalog resource policy and Lake Formation's grants and settings, per Region.
const principalSchema = z.looseObject({ DataLakePrincipalIdentifier: z.string() });
const defaultPermissionsSchema = z.array(z.looseObject({ Principal: principalSchema, Permissions: z.array(z.string()) })).optional();

const getResourcePolicy = defineCommand({
  service: "glue",
  command: "get-resource-policy",
  iamPrefix: "glue",
  operation: "GetResourcePolicy",
  scope: "regional",
  takesParam: false,
  schema: z.looseObject({ PolicyInJson: z.string() }),
  apply(output, target) {
    regionOf(target).glueResourcePolicy = policyAt(output.PolicyInJson, target, "$.PolicyInJson");
  },
  // Glue returns EntityNotFoundException when the Data Catalog has no resource policy.
  notConfigured: { codes: ["EntityNotFoundException"], record: (target) => void (regionOf(target).glueResourcePolicy = null) },
});

const listPermissions = defineCommand({
  service: "lakeformation",
  command: "list-permissions",
  iamPrefix: "lakeformation",
  operation: "ListPermissions",
  scope: "regional",
  takesParam: false,
  // The CLI prints nothing for an empty response, and REST-JSON services may leave empty lists out.
  acceptsEmptyOutput: true,
  schema: z.looseObject({
    PrincipalResourcePermissions: z.array(
      z.looseObject({
        Principal: principalSchema,
        Resource: z.record(z.string(), z.unknown()),
        Permissions: z.array(z.string()).optional(),
        PermissionsWithGrantOption: z.array(z.string()).optional(),
        AdditionalDetails: z
          .looseObject({ ResourceShare: z.array(z.string()).optional() })
          .optional(),
      }),
    ).default([]),
  }),
  apply(output, target) {
    regionOf(target).lakeFormationPart().permissions = output.PrincipalResourcePermissions.map((grant) => {
      const shares = grant.AdditionalDetails?.ResourceShare;
      return {
        principal: grant.Principal.DataLakePrincipalIdentifier,
        resource: grant.Resource,
        permissions: [...(grant.Permissions ?? [])].sort(),
        permissionsWithGrantOption: [...(grant.PermissionsWithGrantOption ?? [])].sort(),
        ...(shares === undefined ? {} : { resourceShares: [...shares].sort() }),
      };
    });
  },
  isEmpty: (output) => output.PrincipalResourcePermissions.length === 0,
});

const getDataLakeSettings = defineCommand({
  service: "lakeformation",
  command: "get-data-lake-settings",
  iamPrefix: "lakeformation",
  operation: "GetDataLakeSettings",
  scope: "regional",
  takesParam: false,
  schema: z.looseObject({
    DataLakeSettings: z.looseObject({
      DataLakeAdmins: z.array(principalSchema).optional(),
      ReadOnlyAdmins: z.array(principalSchema).optional(),
      CreateDatabaseDefaultPermissions: defaultPermissionsSchema,
      CreateTableDefaultPermissions: defaultPermissionsSchema,
      TrustedResourceOwners: z.array(z.string()).optional(),
    }),
  }),
  apply(output, target) {
    const settings = output.DataLakeSettings;
    const identifiers = (list: z.infer<typeof principalSchema>[] | undefined) =>
      (list ?? []).map((principal) => principal.DataLakePrincipalIdentifier).sort();
    const defaults = (list: z.infer<typeof defaultPermissionsSchema>) =>
      (list ?? []).map((entry) => ({ principal: entry.Principal.DataLakePrincipalIdentifier, permissions: [...entry.Permissions].sort() }));

    regionOf(target).lakeFormationPart().settings = {
      dataLakeAdmins: identifiers(settings.DataLakeAdmins),
      readOnlyAdmins: identifiers(settings.ReadOnlyAdmins),
      createDatabaseDefaultPermissions: defaults(settings.CreateDatabaseDefaultPermissions),
      createTableDefaultPermissions: defaults(settings.CreateTableDefaultPermissions),
      trustedResourceOwners: [...(settings.TrustedResourceOwners ?? [])].sort(),
    };
  },
});

/** The Glue and Lake Formation commands of the layout. */
export const LAKE_FORMATION_COMMANDS: CommandParser[] = [getResourcePolicy, listPermissions, getDataLakeSettings];

