output "address" {
  description = "Host name of the instance."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "Port the instance listens on."
  value       = aws_db_instance.this.port
}

output "database_name" {
  description = "Name of the database inside the instance."
  value       = aws_db_instance.this.db_name
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret, managed and rotated by RDS, holding the master user name and password."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "service_role" {
  description = "Database role the owning service signs in as (IAM authentication)."
  value       = var.service_role
}

output "connect_policy_json" {
  description = "Policy that lets its holder sign in as service_role, and as nobody else, with an IAM authentication token."
  value       = data.aws_iam_policy_document.connect.json
}

output "read_master_secret_policy_json" {
  description = "Policy that lets its holder read the master credentials, for the database-roles step."
  value       = data.aws_iam_policy_document.read_master_secret.json
}
