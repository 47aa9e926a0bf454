data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

# Sign in to this instance as the service's own database role, with an IAM authentication token
# (RDS IAM authentication) instead of a password. Nothing else: no other role, no other instance.
data "aws_iam_policy_document" "connect" {
  statement {
    actions   = ["rds-db:connect"]
    resources = ["arn:${data.aws_partition.current.partition}:rds-db:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:dbuser:${aws_db_instance.this.resource_id}/${var.service_role}"]
  }
}

# Read the RDS-managed master credentials, for the step that creates the service's role. The secret is
# encrypted with the AWS managed key of Secrets Manager, which needs no grant of its own.
data "aws_iam_policy_document" "read_master_secret" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_db_instance.this.master_user_secret[0].secret_arn]
  }
}
