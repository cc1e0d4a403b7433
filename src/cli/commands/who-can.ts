import type { Command } from "commander";
import { loadAuditInput } from "../../importer/load-input.js";
import { inputError } from "../../shared/errors.js";
import { accessGraphOf } from "../../evaluator/graph/index.js";
import type { CliCommand } from "../command.js";
import { loadCapabilities } from "../capabilities-file.js";
import { flawedPoliciesJson, formatGrants, queryNotes } from "../grant-text.js";

interface WhoCanOptions {
  capability?: string;
  action?: string;
  resource?: string;
  capabilities?: string;
  json?: boolean;
}

/** `lakewarden who-can INPUT (--capability C | --action A --resource ARN)`: principals with paths. */
export const whoCanCommand: CliCommand = {
  name: "who-can",
  register(program: Command): void {
    program
      .command("who-can")
      .description("list the principals that hold a capability, or can perform an action on a resource, with the shortest path")
      .argument("<input>", "a snapshot file, an export folder, or an `aws iam get-account-authorization-details` file")
      .option("--capability <id>", "a capability of the capabilities file, such as lake.read or lake.blind")
      .option("--action <action>", "an IAM action, such as s3:GetObject (with --resource)")
      .option("--resource <arn>", "the resource ARN the action is performed on (with --action)")
      .option("--capabilities <file>", "capabilities YAML file (default: the shipped policies/capabilities.yaml)")
      .option("--json", "print a JSON object: the grants, policies that could not be fully evaluated, and whether capabilities were checked on any resource")
      .action(async (input: string, options: WhoCanOptions) => {
        const byCapability = options.capability !== undefined;
        const byAction = options.action !== undefined || options.resource !== undefined;
        if (byCapability === byAction) throw inputError("usage", "who-can", undefined, "give either --capability, or --action with --resource");
        if (byAction && (!options.action || !options.resource)) throw inputError("usage", "who-can", undefined, "--action and --resource go together");

        const capabilities = await loadCapabilities(options.capabilities);
        const known = [...capabilities.direct, ...capabilities.derived].map((definition) => definition.id);
        if (options.capability && !known.includes(options.capability)) {
          throw inputError("usage", "who-can", "--capability", `unknown capability "${options.capability}"; expected one of ${known.join(", ")}`);
        }

        const graph = accessGraphOf(await loadAuditInput(input), capabilities);
        const grants = options.capability ? graph.grants(options.capability) : graph.whoCan(options.action ?? "", options.resource ?? "");
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ fallback: graph.fallback, flawedPolicies: flawedPoliciesJson(graph.flawedPolicies), grants }, null, 2)}\n`);
          return;
        }
        const title = options.capability ?? `${options.action} on ${options.resource}`;
        process.stdout.write(formatGrants(title, grants, false, queryNotes(graph, options.capability !== undefined)));
      });
  },
};
