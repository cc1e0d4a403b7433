#!/usr/bin/env bash
# Exports an AWS organization's IAM, Organizations and Security Lake state with the AWS CLI into
# the folder layout that `lakewarden import` reads (docs/export-layout.md). Every AWS call is a
# read: list-*, get-*, describe-*, lookup-events, plus `iam generate-credential-report`, which
# starts IAM's build of the credential report that `get-credential-report` then reads.
#
# Usage: scripts/export-with-aws-cli.sh --out DIR [--profile NAME] [--regions r1,r2]
#          [--org-role NAME] [--external-id ID] [--accounts id1,id2]
#
# Needs the AWS CLI v2 (Security Lake commands) and Node.js (to read the JSON outputs).
set -euo pipefail

readonly SESSION_NAME="lakewarden-export"
readonly SECURITY_LAKE_PRINCIPAL="securitylake.amazonaws.com"
# Security Lake changes worth reviewing: each is looked up by name in the lake's account.
readonly LAKE_EVENT_NAMES=(
  CreateSubscriber UpdateSubscriber DeleteSubscriber
  CreateSubscriberNotification UpdateSubscriberNotification DeleteSubscriberNotification
  CreateAwsLogSource DeleteAwsLogSource CreateCustomLogSource DeleteCustomLogSource
  CreateDataLake UpdateDataLake DeleteDataLake
  CreateDataLakeOrganizationConfiguration DeleteDataLakeOrganizationConfiguration
  RegisterDataLakeDelegatedAdministrator DeregisterDataLakeDelegatedAdministrator
)

out=""
profile=""
regions_text="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
org_role=""
external_id=""
accounts_text=""

usage() {
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

fail() {
  printf 'export-with-aws-cli.sh: %s\n' "$1" >&2
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="${2:?--out needs a folder}"; shift 2 ;;
    --profile) profile="${2:?--profile needs a name}"; shift 2 ;;
    --regions) regions_text="${2:?--regions needs a comma-separated list}"; shift 2 ;;
    --org-role) org_role="${2:?--org-role needs a role name}"; shift 2 ;;
    --external-id) external_id="${2:?--external-id needs a value}"; shift 2 ;;
    --accounts) accounts_text="${2:?--accounts needs a comma-separated list}"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) printf 'export-with-aws-cli.sh: unknown option %s\n' "$1" >&2; usage 2 ;;
  esac
done

[[ -n "$out" ]] || fail "--out DIR is required"
[[ -n "$regions_text" ]] || fail "--regions is required when AWS_REGION is not set"
if [[ -e "$out" ]] && [[ -n "$(ls -A "$out")" ]]; then fail "$out is not empty; choose a new folder so exports never mix"; fi
[[ -z "$external_id" || -n "$org_role" ]] || fail "--external-id needs --org-role"
command -v aws >/dev/null || fail "the AWS CLI (aws) is not on PATH"
command -v node >/dev/null || fail "Node.js (node) is not on PATH"

IFS=',' read -r -a regions <<<"$regions_text"
for region in "${regions[@]}"; do
  [[ "$region" =~ ^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$ ]] || fail "invalid Region name: $region"
done

mkdir -p "$out"
# Temporary files live beside the export, on the same file system, so a rename publishes them
# whole. The trap removes the temporary folder on every exit.
scratch="$(mktemp -d "$(dirname "$out")/.lakewarden-export.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# Prints the values an expression selects from a JSON file, one a line. `d` is the parsed file.
json_values() {
  node -e '
    const data = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const select = new Function("d", `return (${process.argv[2]});`);
    for (const value of [].concat(select(data) ?? [])) if (value !== undefined && value !== null) console.log(String(value));
  ' "$1" "$2"
}

# The layout's <param>: characters other than letters, digits, `.`, `_` and `-` become `_`.
sanitize() {
  printf '%s' "$1" | tr -c 'A-Za-z0-9._-' '_'
}

# call ACCOUNT FOLDER STEM AWS-ARGS...: runs one read-only AWS CLI call for ACCOUNT and publishes
# its stdout as FOLDER/STEM.json, or its stderr as FOLDER/STEM.error when it fails.
call() {
  local account="$1" folder="$2" stem="$3"
  shift 3
  local target="$out/$account/$folder"
  local temporary="$scratch/call"
  mkdir -p "$target"

  if run_aws "$account" "$@" >"$temporary.out" 2>"$temporary.err"; then
    mv "$temporary.out" "$target/$stem.json"
    rm -f "$temporary.err"
    return 0
  fi
  mv "$temporary.err" "$target/$stem.error"
  rm -f "$temporary.out"
  return 1
}

# helper ACCOUNT AWS-ARGS...: a read-only call whose output only guides the export; prints its path.
helper() {
  local account="$1"
  shift
  local file="$scratch/helper.$RANDOM$RANDOM.json"
  if run_aws "$account" "$@" >"$file" 2>/dev/null; then printf '%s\n' "$file"; else printf '\n'; fi
}

# run_aws ACCOUNT AWS-ARGS...: the caller's account uses the given credentials, other accounts
# the generated profile that assumes --org-role.
run_aws() {
  local account="$1"
  shift
  if [[ "$account" == "$caller_account" ]]; then
    aws --output json "${base_profile[@]}" "$@"
  else
    AWS_CONFIG_FILE="$scratch/config" aws --output json --profile "lakewarden-$account" "$@"
  fi
}

base_profile=()
[[ -z "$profile" ]] || base_profile=(--profile "$profile")
caller_account=""

identity="$(helper "" sts get-caller-identity --region "${regions[0]}")"
[[ -n "$identity" ]] || fail "sts get-caller-identity failed: check the credentials (--profile)"
caller_account="$(json_values "$identity" 'd.Account')"
partition="$(json_values "$identity" 'd.Arn.split(":")[1]')"
started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

requested_accounts=()
[[ -z "$accounts_text" ]] || IFS=',' read -r -a requested_accounts <<<"$accounts_text"
for account in "${requested_accounts[@]}"; do
  [[ "$account" =~ ^[0-9]{12}$ ]] || fail "invalid account id: $account"
  [[ "$account" == "$caller_account" || -n "$org_role" ]] || fail "account $account is not the caller's account; pass --org-role to read it"
done

# --- Organizations, from the caller's account (the management account or a delegated one) ---

export_organization() {
  local account="$caller_account" global="global" region="${regions[0]}"
  call "$account" "$global" organizations__describe-organization organizations describe-organization --region "$region" || return 0
  call "$account" "$global" organizations__list-accounts organizations list-accounts --region "$region" || true
  call "$account" "$global" organizations__list-roots organizations list-roots --region "$region" || true

  local parents=() parent
  if [[ -f "$out/$account/$global/organizations__list-roots.json" ]]; then
    mapfile -t parents < <(json_values "$out/$account/$global/organizations__list-roots.json" 'd.Roots.map((r) => r.Id)')
  fi
  while [[ ${#parents[@]} -gt 0 ]]; do
    parent="${parents[0]}"
    parents=("${parents[@]:1}")
    local units="organizations__list-organizational-units-for-parent__$(sanitize "$parent")"
    if call "$account" "$global" "$units" organizations list-organizational-units-for-parent --parent-id "$parent" --region "$region"; then
      mapfile -t -O "${#parents[@]}" parents < <(json_values "$out/$account/$global/$units.json" 'd.OrganizationalUnits.map((u) => u.Id)')
    fi
    call "$account" "$global" "organizations__list-accounts-for-parent__$(sanitize "$parent")" \
      organizations list-accounts-for-parent --parent-id "$parent" --region "$region" || true
  done

  local filter policy
  for filter in SERVICE_CONTROL_POLICY RESOURCE_CONTROL_POLICY; do
    call "$account" "$global" "organizations__list-policies__$filter" organizations list-policies --filter "$filter" --region "$region" || continue
    while IFS= read -r policy; do
      [[ -n "$policy" ]] || continue
      call "$account" "$global" "organizations__describe-policy__$(sanitize "$policy")" organizations describe-policy --policy-id "$policy" --region "$region" || true
      call "$account" "$global" "organizations__list-targets-for-policy__$(sanitize "$policy")" \
        organizations list-targets-for-policy --policy-id "$policy" --region "$region" || true
    done < <(json_values "$out/$account/$global/organizations__list-policies__$filter.json" 'd.Policies.map((p) => p.Id)')
  done

  call "$account" "$global" "organizations__list-delegated-administrators__$SECURITY_LAKE_PRINCIPAL" \
    organizations list-delegated-administrators --service-principal "$SECURITY_LAKE_PRINCIPAL" --region "$region" || true
}

export_organization
org_files="$out/$caller_account/global"

accounts=("$caller_account")
if [[ -n "$accounts_text" ]]; then
  accounts=("${requested_accounts[@]}")
elif [[ -n "$org_role" && -f "$org_files/organizations__list-accounts.json" ]]; then
  # Suspended accounts cannot be read; the importer expects files only for active ones.
  mapfile -t accounts < <(json_values "$org_files/organizations__list-accounts.json" 'd.Accounts.filter((a) => (a.Status ?? a.State) === "ACTIVE").map((a) => a.Id).sort()')
fi

lake_admin="$caller_account"
if [[ -f "$org_files/organizations__list-delegated-administrators__$SECURITY_LAKE_PRINCIPAL.json" ]]; then
  admin="$(json_values "$org_files/organizations__list-delegated-administrators__$SECURITY_LAKE_PRINCIPAL.json" 'd.DelegatedAdministrators.map((a) => a.Id)' | head -n 1)"
  lake_admin="${admin:-$caller_account}"
fi

# A CLI config with one profile per member account that assumes --org-role, on top of the
# user's own config so that --profile still resolves as the source of the role session.
if [[ -n "$org_role" ]]; then
  user_config="${AWS_CONFIG_FILE:-$HOME/.aws/config}"
  if [[ -f "$user_config" ]]; then cp "$user_config" "$scratch/config"; else : >"$scratch/config"; fi
  for account in "${accounts[@]}"; do
    [[ "$account" != "$caller_account" ]] || continue
    {
      printf '\n[profile lakewarden-%s]\n' "$account"
      printf 'role_arn = arn:%s:iam::%s:role/%s\n' "$partition" "$account" "$org_role"
      printf 'role_session_name = %s\n' "$SESSION_NAME"
      [[ -z "$external_id" ]] || printf 'external_id = %s\n' "$external_id"
      if [[ -n "$profile" ]]; then printf 'source_profile = %s\n' "$profile"; else printf 'credential_source = Environment\n'; fi
    } >>"$scratch/config"
  done
fi

# --- Per account: IAM (global), then each Region ---

export_iam() {
  local account="$1" region="${regions[0]}" attempt state
  call "$account" global iam__get-account-authorization-details iam get-account-authorization-details --region "$region" || true

  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    state="$(helper "$account" iam generate-credential-report --region "$region")"
    [[ -n "$state" ]] || break
    [[ "$(json_values "$state" 'd.State')" != "COMPLETE" ]] || break
    sleep 2
  done
  call "$account" global iam__get-credential-report iam get-credential-report --region "$region" || true
  call "$account" global s3api__list-buckets s3api list-buckets --region "$region" || true
}

export_region() {
  local account="$1" region="$2" owner name arn file
  local folder="$out/$account/$region"

  if call "$account" "$region" cloudtrail__describe-trails cloudtrail describe-trails --region "$region"; then
    # Selectors are read where each trail lives, once per trail.
    while IFS=$'\t' read -r name arn; do
      [[ -n "$name" ]] || continue
      call "$account" "$region" "cloudtrail__get-event-selectors__$(sanitize "$name")" \
        cloudtrail get-event-selectors --trail-name "$arn" --region "$region" || true
    done < <(json_values "$folder/cloudtrail__describe-trails.json" "d.trailList.filter((t) => t.HomeRegion === '$region').map((t) => t.Name + '\t' + t.TrailARN)")
  fi

  for owner in SELF OTHER-ACCOUNTS; do
    call "$account" "$region" "ram__get-resource-shares__$owner" ram get-resource-shares --resource-owner "$owner" --region "$region" || true
    call "$account" "$region" "ram__list-principals__$owner" ram list-principals --resource-owner "$owner" --region "$region" || true
    call "$account" "$region" "ram__list-resources__$owner" ram list-resources --resource-owner "$owner" --region "$region" || true
  done

  call "$account" "$region" lakeformation__get-data-lake-settings lakeformation get-data-lake-settings --region "$region" || true
  call "$account" "$region" lakeformation__list-permissions lakeformation list-permissions --region "$region" || true
  call "$account" "$region" glue__get-resource-policy glue get-resource-policy --region "$region" || true

  if call "$account" "$region" accessanalyzer__list-analyzers accessanalyzer list-analyzers --region "$region"; then
    while IFS=$'\t' read -r name arn; do
      [[ -n "$name" ]] || continue
      call "$account" "$region" "accessanalyzer__list-findings-v2__$(sanitize "$name")" \
        accessanalyzer list-findings-v2 --analyzer-arn "$arn" --region "$region" || true
    done < <(json_values "$folder/accessanalyzer__list-analyzers.json" "d.analyzers.map((a) => a.name + '\t' + a.arn)")
  fi

  file="$(helper "$account" athena list-work-groups --region "$region")"
  if [[ -n "$file" ]]; then
    while IFS= read -r name; do
      [[ -n "$name" ]] || continue
      call "$account" "$region" "athena__get-work-group__$(sanitize "$name")" athena get-work-group --work-group "$name" --region "$region" || true
    done < <(json_values "$file" 'd.WorkGroups.map((w) => w.Name)')
  fi

  [[ "$account" != "$lake_admin" ]] || export_lake "$account" "$region"
}

# The Security Lake administrator's Region: the lake, its subscribers and sources, the bucket
# and key that hold the data, the subscribers' queues, and recent changes.
export_lake() {
  local account="$1" region="$2" bucket key queue event url
  local folder="$out/$account/$region"

  call "$account" "$region" securitylake__list-data-lakes securitylake list-data-lakes --regions "$region" --region "$region" || true
  call "$account" "$region" securitylake__list-subscribers securitylake list-subscribers --region "$region" || true
  call "$account" "$region" securitylake__list-log-sources securitylake list-log-sources --regions "$region" --region "$region" || true
  call "$account" "$region" securitylake__get-data-lake-organization-configuration \
    securitylake get-data-lake-organization-configuration --region "$region" || true

  if [[ -f "$folder/securitylake__list-data-lakes.json" ]]; then
    while IFS= read -r bucket; do
      [[ -n "$bucket" ]] || continue
      local stem
      stem="$(sanitize "$bucket")"
      call "$account" "$region" "s3api__get-bucket-policy__$stem" s3api get-bucket-policy --bucket "$bucket" --region "$region" || true
      call "$account" "$region" "s3api__get-bucket-versioning__$stem" s3api get-bucket-versioning --bucket "$bucket" --region "$region" || true
      call "$account" "$region" "s3api__get-object-lock-configuration__$stem" s3api get-object-lock-configuration --bucket "$bucket" --region "$region" || true
      call "$account" "$region" "s3api__get-bucket-encryption__$stem" s3api get-bucket-encryption --bucket "$bucket" --region "$region" || true
      call "$account" "$region" "s3api__get-public-access-block__$stem" s3api get-public-access-block --bucket "$bucket" --region "$region" || true
    done < <(json_values "$folder/securitylake__list-data-lakes.json" "d.dataLakes.filter((l) => l.region === '$region' && l.s3BucketArn).map((l) => l.s3BucketArn.split(':').pop())")

    while IFS= read -r key; do
      [[ -n "$key" ]] || continue
      call "$account" "$region" "kms__get-key-policy__$(sanitize "$key")" kms get-key-policy --key-id "$key" --policy-name default --region "$region" || true
      call "$account" "$region" "kms__describe-key__$(sanitize "$key")" kms describe-key --key-id "$key" --region "$region" || true
      call "$account" "$region" "kms__list-grants__$(sanitize "$key")" kms list-grants --key-id "$key" --region "$region" || true
    done < <(json_values "$folder/securitylake__list-data-lakes.json" "d.dataLakes.filter((l) => l.region === '$region').map((l) => l.encryptionConfiguration?.kmsKeyId).filter((k) => k && k !== 'S3_MANAGED_KEY').map((k) => k.split('/').pop())")
  fi

  if [[ -f "$folder/securitylake__list-subscribers.json" ]]; then
    while IFS= read -r queue; do
      [[ -n "$queue" ]] || continue
      url="$(helper "$account" sqs get-queue-url --queue-name "$queue" --region "$region")"
      [[ -n "$url" ]] || continue
      call "$account" "$region" "sqs__get-queue-attributes__$(sanitize "$queue")" \
        sqs get-queue-attributes --queue-url "$(json_values "$url" 'd.QueueUrl')" --attribute-names All --region "$region" || true
    done < <(json_values "$folder/securitylake__list-subscribers.json" "d.subscribers.map((s) => s.subscriberEndpoint ?? '').filter((e) => e.startsWith('arn:') && e.split(':')[2] === 'sqs' && e.split(':')[4] === '$account').map((e) => e.split(':')[5])")
  fi

  for event in "${LAKE_EVENT_NAMES[@]}"; do
    call "$account" "$region" "cloudtrail__lookup-events__$event" \
      cloudtrail lookup-events --lookup-attributes "AttributeKey=EventName,AttributeValue=$event" --region "$region" || true
  done
}

for account in "${accounts[@]}"; do
  export_iam "$account"
  for region in "${regions[@]}"; do export_region "$account" "$region"; done
done

management_account=""
if [[ -f "$org_files/organizations__describe-organization.json" ]]; then
  management_account="$(json_values "$org_files/organizations__describe-organization.json" 'd.Organization.MasterAccountId')"
fi
node -e '
  const [collectedAt, managementAccountId] = process.argv.slice(1);
  const manifest = managementAccountId ? { collectedAt, managementAccountId } : { collectedAt };
  process.stdout.write(JSON.stringify(manifest, null, 2) + "\n");
' "$started_at" "$management_account" >"$scratch/export.json"
mv "$scratch/export.json" "$out/export.json"

printf 'Exported %d accounts in %d Regions to %s\n' "${#accounts[@]}" "${#regions[@]}" "$out"
