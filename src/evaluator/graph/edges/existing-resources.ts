import type { Actor } from "../actors.js";
import { allPermit, type Edge } from "../edge.js";
import { anyResource, type EscalationMethod, type GraphContext } from "./context.js";

/**
 * Escalations through a resource that already runs as a stronger role: a Lambda function, an
 * EC2 instance, a Glue dev endpoint, a stack, a notebook. A snapshot holds no such resources, so
 * each edge carries `requires` naming the resource it needs and is never plainly allowed.
 */
interface ExistingResourceMethod {
  readonly id: string;
  readonly actions: readonly string[];
  /** The service the target role trusts; EC2 methods also need an instance profile. */
  readonly service: string;
  readonly instanceProfile?: boolean;
  readonly requires: (roleLabel: string) => string;
  readonly what: string;
}

const METHODS: readonly ExistingResourceMethod[] = [
  { id: "updateFunctionCode", actions: ["lambda:UpdateFunctionCode"], service: "lambda.amazonaws.com", requires: (role) => `an existing Lambda function whose execution role is ${role}, and something that invokes it`, what: "replaces the code of a Lambda function that runs as" },
  { id: "ssm:sendCommand", actions: ["ssm:SendCommand"], service: "ec2.amazonaws.com", instanceProfile: true, requires: (role) => `an SSM-managed EC2 instance running with an instance profile of ${role}`, what: "runs a command through SSM on an instance that runs as" },
  { id: "ssm:startSession", actions: ["ssm:StartSession"], service: "ec2.amazonaws.com", instanceProfile: true, requires: (role) => `an SSM-managed EC2 instance running with an instance profile of ${role}`, what: "opens an SSM session on an instance that runs as" },
  { id: "ec2InstanceConnect", actions: ["ec2-instance-connect:SendSSHPublicKey"], service: "ec2.amazonaws.com", instanceProfile: true, requires: (role) => `a running EC2 instance reachable over SSH with an instance profile of ${role}`, what: "logs in with EC2 Instance Connect to an instance that runs as" },
  { id: "glue:updateDevEndpoint", actions: ["glue:UpdateDevEndpoint"], service: "glue.amazonaws.com", requires: (role) => `an existing Glue dev endpoint that runs as ${role}`, what: "adds an SSH key to a Glue dev endpoint that runs as" },
  { id: "cloudformation:updateStack", actions: ["cloudformation:UpdateStack"], service: "cloudformation.amazonaws.com", requires: (role) => `an existing stack whose service role is ${role}`, what: "updates a stack whose service role is" },
  { id: "sagemaker:presignedNotebookUrl", actions: ["sagemaker:CreatePresignedNotebookInstanceUrl"], service: "sagemaker.amazonaws.com", requires: (role) => `an existing notebook instance that runs as ${role}`, what: "opens a notebook instance that runs as" },
];

function existingResourceEdges(context: GraphContext, actor: Actor, method: ExistingResourceMethod): Edge[] {
  const accountId = actor.principal.accountId;
  if (!accountId || actor.principal.kind === "service") return [];
  const combined = allPermit(method.actions.map((action) => context.decide(actor, action, anyResource(accountId))));
  if (!combined) return [];

  const edges: Edge[] = [];
  for (const roleArn of context.trust.rolesTrustingService(method.service, accountId)) {
    const role = context.actors.get(roleArn);
    if (!role || role.principal.accountId !== accountId || role.id === actor.id || role.id === actor.base?.id || !context.worthTargeting(actor, role)) continue;
    if (method.instanceProfile && (role.role?.instanceProfiles.length ?? 0) === 0) continue;
    edges.push({
      from: actor.id,
      to: role.id,
      kind: method.id,
      description: `${actor.ref.label} ${method.what} role ${role.ref.label}`,
      statements: combined.statements,
      conditions: combined.conditions,
      requires: [method.requires(role.ref.label)],
    });
  }
  return edges;
}

export const EXISTING_RESOURCE_METHODS: readonly EscalationMethod[] = METHODS.map((method) => ({
  id: method.id,
  triggers: method.actions,
  build: (context: GraphContext, actor: Actor) => existingResourceEdges(context, actor, method),
}));
