import type { Command } from "commander";
import { loadAuditInput } from "../../importer/load-input.js";
import { inputError } from "../../shared/errors.js";
import { accessGraphOf } from "../../evaluator/graph/index.js";
import type { CliCommand } from "../command.js";
import { loadCapabilities } from "../capabilities-file.js";
import { flawedPoliciesJson, formatGrants, queryNotes } from "../grant-text.js";

/** `lakewarden can-what INPUT --principal ARN`: the capabilities of one principal, with paths. */
export const canWhatCommand: CliCommand = {
  name: "can-what",
  register(program: Command): void {
    program
      .command("can-what")
      .description("list the capabilities one principal holds over the lake, directly or through other principals, with paths")
      .argument("<input>", "a snapshot file, an export folder, or an `aws iam get-account-authorization-details` file")
      .requiredOption("--principal <arn>", "user, role or account root ARN (or a service name, or * for anonymous)")
      .option("--capabilities <file>", "capabilities YAML file (default: the shipped policies/capabilities.yaml)")
      .option("--json", "print a JSON object: the grants, policies that could not be fully evaluated, and whether capabilities were checked on any resource")
      .action(async (input: string, options: { principal: string; capabilities?: string; json?: boolean }) => {
        const capabilities = await loadCapabilities(options.capabilities);
        const graph = accessGraphOf(await loadAuditInput(input), capabilities);
        const node = graph.nodes.get(options.principal);
        if (!node || node.base) throw inputError("usage", input, "--principal", `no principal "${options.principal}" in the input`);

        const grants = graph.canWhat(options.principal);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ fallback: graph.fallback, flawedPolicies: flawedPoliciesJson(graph.flawedPolicies), principal: node.ref, grants }, null, 2)}\n`);
          return;
        }
        process.stdout.write(formatGrants(`capabilities of ${options.principal}`, grants, true, queryNotes(graph, true)));
      });
  },
};
