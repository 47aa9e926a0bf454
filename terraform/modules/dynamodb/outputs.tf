output "mysfits_table_name" {
  description = "Name of the mysfits table."
  value       = aws_dynamodb_table.mysfits.name
}

output "likes_table_name" {
  description = "Name of the likes table."
  value       = aws_dynamodb_table.likes.name
}

output "kms_key_arn" {
  description = "ARN of the KMS key that encrypts both tables."
  value       = aws_kms_key.tables.arn
}

output "access_policy_json" {
  description = "Least-privilege policy for the monolith, the only service that reads and writes these tables."
  value       = data.aws_iam_policy_document.access.json
}

output "tables_key_policy_json" {
  description = "Use of the tables' KMS key through DynamoDB, for the holders of access_policy_json or split_policy_json."
  value       = data.aws_iam_policy_document.tables_key.json
}

output "split_policy_json" {
  description = "Least-privilege policy for the data split: read and set the mysfits' Adopted flags, add the seed mysfits."
  value       = data.aws_iam_policy_document.split.json
}
