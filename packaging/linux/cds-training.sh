#!/bin/sh
# The training runs whose loaded classes become the app image's start-up archive (AppCDS; see
# cds-archive.sh): usage cds-training.sh JAVA JAR CLASSLIST. Each run is a command a user or a CI
# step runs often, so that its classes are mapped from the archive instead of loaded, verified and
# linked from the jar at every start:
#   1. `veil tables` against a closed port: the command line, the AWS SDK, the error path (exit 3);
#   2. `veil sample --from-export` of a small DYNAMODB_JSON export and of the same items as ION,
#      into a fresh workspace: the export readers, gzip and MD5, the profile accumulator and its
#      detectors, and creating a workspace (H2; a fresh one gets its schema without Flyway, see
#      workspace.FreshSchema), then storing a run in it.
# The class lists of the runs are merged, each class once, in the order first loaded.
set -eu
java=$1; jar=$2; classlist=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export AWS_ACCESS_KEY_ID=training AWS_SECRET_ACCESS_KEY=training AWS_REGION=us-east-1

# $1: label, $2: expected exit code, then the command's arguments.
train() {
    label=$1; expected=$2; shift 2
    status=0
    "$java" -XX:DumpLoadedClassList="$work/$label.classlist" -cp "$jar" dev.veil.Main "$@" \
        >"$work/$label.out" 2>&1 || status=$?
    if [ "$status" -ne "$expected" ]; then
        echo "cds-training.sh: the training run '$label' exited with $status, expected $expected:" >&2
        cat "$work/$label.out" >&2
        exit 1
    fi
}

# $1: folder, $2: format (json or ion), $3: the data file's records, one a line.
write_export() {
    dir=$1/AWSDynamoDB/01700000000000-cdstrain
    mkdir -p "$dir/data"
    file=data/00000000-training.$2.gz
    printf '%s\n' "$3" | gzip -n >"$dir/$file"
    md5=$(md5sum "$dir/$file" | cut -d' ' -f1)
    records=$(printf '%s\n' "$3" | grep -c .)
    format=$(if [ "$2" = ion ]; then echo ION; else echo DYNAMODB_JSON; fi)
    printf '{"version":"2023-08-01","itemCount":%s,"exportType":"FULL_EXPORT","outputFormat":"%s","manifestFilesS3Key":"AWSDynamoDB/01700000000000-cdstrain/manifest-files.json"}\n' \
        "$records" "$format" >"$dir/manifest-summary.json"
    printf '{"itemCount":%s,"md5Checksum":"%s","dataFileS3Key":"AWSDynamoDB/01700000000000-cdstrain/%s"}\n' \
        "$records" "$md5" "$file" >"$dir/manifest-files.json"
}

train tables 3 tables --region us-east-1 --endpoint http://127.0.0.1:9

# Made-up items with every DynamoDB type, nested maps and lists, and values the detectors look for.
write_export "$work/json" json '{"Item":{"id":{"S":"u-1"},"email":{"S":"jane.doe@example.com"},"phone":{"S":"+33 6 12 34 56 78"},"age":{"N":"42"},"balance":{"N":"-12.50"},"active":{"BOOL":true},"avatar":{"B":"AAEC"},"gone":{"NULL":true},"address":{"M":{"city":{"S":"Lyon"},"zip":{"S":"69001"}}},"orders":{"L":[{"M":{"total":{"N":"270"},"order_id":{"S":"o-1"}}}]},"tags":{"SS":["a","b"]},"lucky":{"NS":["7","1.5"]},"keys":{"BS":["CQA="]}}}
{"Item":{"id":{"S":"u-2"},"email":{"S":"john@example.org"},"api_key":{"S":"sk_live_FI7wAFncrxfBpQ2DSXEgCNPN"},"age":{"N":"35"},"ip":{"S":"192.0.2.10"},"created":{"S":"2024-05-01T10:00:00Z"}}}'
write_export "$work/ion" ion '$ion_1_0 {Item:{id:"u-1",email:"jane.doe@example.com",age:42.,balance:-12.50,active:true,avatar:{{AAEC}},gone:null,address:{city:"Lyon",zip:"69001"},orders:[{total:270.,order_id:"o-1"}],tags:$dynamodb_SS::["a","b"],lucky:$dynamodb_NS::[7.,1.5],keys:$dynamodb_BS::[{{CQA=}}]}}
{Item:{id:"u-2",email:"john@example.org",age:35.,ip:"192.0.2.10"}}'
train json 0 sample training --from-export "$work/json" --workspace "$work/workspace" --json
train ion 0 sample training --from-export "$work/ion" --workspace "$work/workspace" --json --quiet

cat "$work/tables.classlist" "$work/json.classlist" "$work/ion.classlist" | awk '!seen[$0]++' >"$classlist"
