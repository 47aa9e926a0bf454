data "aws_region" "current" {}

# Exactly what the monolith sends, table by table (terraform/test/iam-covers-code.spec.ts reads its
# code). TransactWriteItems has no IAM action of its own: each Put or Update inside a transaction is
# authorised as PutItem or UpdateItem on its table. A like puts a (mysfit, user) item into the likes
# table and adds one to the mysfit's count in the same transaction. BatchGetItem serves
# GET /me/adoptions; DescribeTable the readiness probe.
data "aws_iam_policy_document" "access" {
  statement {
    sid = "MysfitsTable"
    actions = [
      "dynamodb:BatchGetItem",
      "dynamodb:DescribeTable",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:Scan",
      "dynamodb:UpdateItem",
    ]
    resources = [aws_dynamodb_table.mysfits.arn]
  }

  statement {
    sid     = "MysfitsIndexes"
    actions = ["dynamodb:Query"]
    resources = [
      "${aws_dynamodb_table.mysfits.arn}/index/${local.good_evil_index}",
      "${aws_dynamodb_table.mysfits.arn}/index/${local.law_chaos_index}",
    ]
  }

  statement {
    sid = "LikesTable"
    actions = [
      "dynamodb:DescribeTable",
      "dynamodb:PutItem",
    ]
    resources = [aws_dynamodb_table.likes.arn]
  }
}

# Exactly what the data split (tools/split, run once at the cut-over) sends: it scans the mysfits' Adopted
# flags and sets those the copied adoptions disagree with (UpdateItem); the monolith's migrate command,
# which it runs first, adds the seed mysfits that are missing (a conditional PutItem). It never touches
# the likes table.
data "aws_iam_policy_document" "split" {
  statement {
    sid       = "MysfitsTable"
    actions   = ["dynamodb:PutItem", "dynamodb:Scan", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.mysfits.arn]
  }
}

# The tables' customer-managed key, which DynamoDB uses on behalf of whoever reads or writes them: for every
# role given one of the policies above.
data "aws_iam_policy_document" "tables_key" {
  statement {
    sid       = "TablesKey"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.tables.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["dynamodb.${data.aws_region.current.region}.amazonaws.com"]
    }
  }
}
