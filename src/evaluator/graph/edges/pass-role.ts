import type { Actor } from "../actors.js";
import { permits } from "../decide.js";
import { allPermit, type Edge } from "../edge.js";
import { anyResource, iamResource, type EscalationMethod, type GraphContext } from "./context.js";

/** One way to run code under a passed role: the actions that create and start it. */
interface Launch {
  readonly actions: readonly string[];
  /** What must exist outside the snapshot for this launch to work. */
  readonly requires?: string;
}

/** A service that runs code as a role passed to it with iam:PassRole. */
interface PassRoleTarget {
  readonly id: string;
  readonly service: string;
  readonly launches: readonly Launch[];
  /** EC2 runs a role only through an instance profile. */
  readonly needsInstanceProfile?: boolean;
}

// Method combinations follow AWS's documented APIs for each service: the role is passed at
// creation and the created resource runs code (user data, function, job, build, notebook).
const TARGETS: readonly PassRoleTarget[] = [
  { id: "ec2", service: "ec2.amazonaws.com", launches: [{ actions: ["ec2:RunInstances"] }], needsInstanceProfile: true },
  {
    id: "lambda",
    service: "lambda.amazonaws.com",
    launches: [
      { actions: ["lambda:CreateFunction", "lambda:InvokeFunction"] },
      { actions: ["lambda:CreateFunction", "lambda:CreateEventSourceMapping"], requires: "an event source (DynamoDB or Kinesis stream, SQS queue) that receives records" },
    ],
  },
  { id: "glue", service: "glue.amazonaws.com", launches: [{ actions: ["glue:CreateDevEndpoint"] }, { actions: ["glue:CreateJob", "glue:StartJobRun"] }] },
  { id: "cloudformation", service: "cloudformation.amazonaws.com", launches: [{ actions: ["cloudformation:CreateStack"] }] },
  { id: "codebuild", service: "codebuild.amazonaws.com", launches: [{ actions: ["codebuild:CreateProject", "codebuild:StartBuild"] }] },
  {
    id: "sagemaker",
    service: "sagemaker.amazonaws.com",
    launches: [
      { actions: ["sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"] },
      { actions: ["sagemaker:CreateProcessingJob"] },
      { actions: ["sagemaker:CreateTrainingJob"] },
    ],
  },
  { id: "ecs", service: "ecs-tasks.amazonaws.com", launches: [{ actions: ["ecs:RegisterTaskDefinition", "ecs:RunTask"], requires: "an ECS cluster to run the task in" }] },
  {
    id: "datapipeline",
    service: "datapipeline.amazonaws.com",
    launches: [{ actions: ["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition", "datapipeline:ActivatePipeline"] }],
  },
];

/** PassRole escalation methods, one per service. */
export const PASS_ROLE_METHODS: readonly EscalationMethod[] = TARGETS.map((target) => ({
  id: `passRole:${target.id}`,
  triggers: ["iam:PassRole"],
  build: (context, actor) => passRoleEdges(context, actor, target),
}));

function passRoleEdges(context: GraphContext, actor: Actor, target: PassRoleTarget): Edge[] {
  const accountId = actor.principal.accountId;
  if (!accountId || actor.principal.kind === "service") return [];

  const launch = firstLaunch(context, actor, target, accountId);
  if (!launch) return [];

  const edges: Edge[] = [];
  const service = context.service(target.service);
  for (const roleArn of context.trust.rolesTrustingService(target.service, accountId)) {
    const role = context.actors.get(roleArn);
    if (!role || role.principal.accountId !== accountId || role.id === actor.id || !context.worthTargeting(actor, role)) continue;

    const pass = context.decide(actor, "iam:PassRole", iamResource(role.id, accountId), { "iam:PassedToService": target.service });
    if (!permits(pass)) continue;
    const trusted = context.decide(service, "sts:AssumeRole", context.roleResource(role), { "aws:SourceAccount": accountId });
    if (!permits(trusted)) continue;

    const requires = [...(launch.requires ? [launch.requires] : [])];
    if (target.needsInstanceProfile && (role.role?.instanceProfiles.length ?? 0) === 0) requires.push(`an instance profile that holds role ${role.ref.label}`);
    const combined = allPermit([pass, trusted]);
    edges.push({
      from: actor.id,
      to: role.id,
      kind: `passRole:${target.id}`,
      description: `${actor.ref.label} passes role ${role.ref.label} to ${target.service} (${launch.actions.join(", ")}) and runs code as it`,
      statements: [...launch.statements, ...(combined?.statements ?? [])],
      conditions: [...launch.conditions, ...(combined?.conditions ?? [])],
      requires: requires.length > 0 ? requires : undefined,
    });
  }
  return edges;
}

function firstLaunch(context: GraphContext, actor: Actor, target: PassRoleTarget, accountId: string) {
  for (const launch of target.launches) {
    const combined = allPermit(launch.actions.map((action) => context.decide(actor, action, anyResource(accountId))));
    if (combined) return { ...launch, ...combined };
  }
  return undefined;
}
