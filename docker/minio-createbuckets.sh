#!/bin/sh
# One-shot set-up of the MinIO buckets for docker-compose (service `createbuckets`,
# image minio/mc). Idempotent: safe to run on every `docker compose up`.
#
#  - public bucket  ($AWS_STORAGE_BUCKET_NAME): anonymous *download* of objects only
#    (Wagtail images/documents have stable unsigned URLs); no anonymous listing or writes.
#  - private bucket ($AWS_PRIVATE_STORAGE_BUCKET_NAME): no anonymous access at all;
#    applicants' files are reached only through short-lived signed URLs.
#  - an application user ($AWS_ACCESS_KEY_ID) limited to those two buckets, so the app
#    never holds MinIO's root credentials.
set -eu

: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}"
: "${AWS_ACCESS_KEY_ID:?}" "${AWS_SECRET_ACCESS_KEY:?}"
: "${AWS_STORAGE_BUCKET_NAME:?}" "${AWS_PRIVATE_STORAGE_BUCKET_NAME:?}"
endpoint="${MINIO_ENDPOINT:-http://minio:9000}"

tries=0
until mc alias set local "$endpoint" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -ge 30 ]; then
        echo "createbuckets: MinIO at $endpoint is not answering" >&2
        exit 1
    fi
    sleep 2
done

mc mb --ignore-existing "local/$AWS_STORAGE_BUCKET_NAME"
mc mb --ignore-existing "local/$AWS_PRIVATE_STORAGE_BUCKET_NAME"
mc anonymous set download "local/$AWS_STORAGE_BUCKET_NAME"
mc anonymous set none "local/$AWS_PRIVATE_STORAGE_BUCKET_NAME"

policy=/tmp/campaign-site-policy.json
cat >"$policy" <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
      "Resource": [
        "arn:aws:s3:::$AWS_STORAGE_BUCKET_NAME",
        "arn:aws:s3:::$AWS_PRIVATE_STORAGE_BUCKET_NAME"
      ]
    },
    {
      "Effect": "Allow",
      "Action": [
        "s3:GetObject", "s3:PutObject", "s3:DeleteObject",
        "s3:GetObjectAcl", "s3:PutObjectAcl",
        "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"
      ],
      "Resource": [
        "arn:aws:s3:::$AWS_STORAGE_BUCKET_NAME/*",
        "arn:aws:s3:::$AWS_PRIVATE_STORAGE_BUCKET_NAME/*"
      ]
    }
  ]
}
JSON

mc admin policy create local campaign-site "$policy"
mc admin user add local "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY"
# `attach` fails when the policy is already attached (a re-run); any other failure counts.
if ! mc admin policy attach local campaign-site --user "$AWS_ACCESS_KEY_ID"; then
    mc admin user info local "$AWS_ACCESS_KEY_ID" | grep -q campaign-site
fi
rm -f "$policy"
echo "createbuckets: buckets and application user ready"
