output "repository_urls" {
  description = "Repository URL by application name, for docker push and the image fields of the manifests."
  value       = { for app, repository in aws_ecr_repository.this : app => repository.repository_url }
}

output "repository_arns" {
  description = "Repository ARN by application name, for IAM policies."
  value       = { for app, repository in aws_ecr_repository.this : app => repository.arn }
}
