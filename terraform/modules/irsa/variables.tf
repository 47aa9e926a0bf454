variable "name" {
  description = "Name of the IAM role and of its policy."
  type        = string
}

variable "oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider."
  type        = string
}

variable "namespace" {
  description = "Kubernetes namespace of the only service account allowed to assume the role."
  type        = string
}

variable "service_account" {
  description = "Name of the only Kubernetes service account allowed to assume the role."
  type        = string
}

variable "policies" {
  description = "Permissions of the role: one managed policy per entry, named <name>-<key>, each the json of an aws_iam_policy_document."
  type        = map(string)
}
