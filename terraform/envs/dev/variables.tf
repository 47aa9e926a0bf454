variable "region" {
  description = "AWS region of the whole environment."
  type        = string
  default     = "us-east-1"
}

variable "project" {
  description = "Project name; first part of every resource name."
  type        = string
  default     = "mysfits"
}

variable "environment" {
  description = "Environment name; second part of every resource name."
  type        = string
  default     = "dev"
}

variable "az_count" {
  description = "Availability zones to use (2 or 3); each gets a public subnet, a private subnet and a NAT gateway."
  type        = number
  default     = 2
}

variable "kubernetes_version" {
  description = "EKS Kubernetes version. Keep it within standard support: extended support costs six times more per hour."
  type        = string
  default     = "1.35"
}

variable "cluster_endpoint_public_access" {
  description = "Expose the Kubernetes API on a public endpoint limited to cluster_endpoint_public_access_cidrs; false keeps it private to the VPC."
  type        = bool
  default     = true
}

variable "cluster_endpoint_public_access_cidrs" {
  description = "Ranges allowed to reach the public Kubernetes API, e.g. [\"203.0.113.7/32\"]. No default: name your own."
  type        = list(string)

  validation {
    condition     = !contains(var.cluster_endpoint_public_access_cidrs, "0.0.0.0/0")
    error_message = "Do not open the Kubernetes API to the whole internet: list your own ranges."
  }
}

variable "node_instance_types" {
  description = "Instance types of the managed node group."
  type        = list(string)
  default     = ["t3.medium"]
}

variable "node_count" {
  description = "Number of nodes. The default holds every HPA at its maximum (terraform/README.md, \"Node capacity\"); a test checks it."
  type        = number
  default     = 3
}

variable "fargate_namespaces" {
  description = "Namespaces whose pods run on Fargate instead of the nodes, e.g. [\"mysfits\"]. Empty: no Fargate profile."
  type        = list(string)
  default     = []
}

variable "db_instance_class" {
  description = "Instance class of each of the two PostgreSQL instances."
  type        = string
  default     = "db.t4g.micro"
}

variable "db_multi_az" {
  description = "Give each PostgreSQL instance a standby in a second AZ."
  type        = bool
  default     = false
}

variable "deletion_protection" {
  description = "Protect the databases and tables from deletion. Set to false, apply, then destroy to tear down."
  type        = bool
  default     = true
}

variable "domain_name" {
  description = "Public host name of the site, e.g. mysfits.example.com: HTTPS with an ACM certificate and an alias record. Null serves plain HTTP on the ALB's own name."
  type        = string
  default     = null
}

variable "hosted_zone_id" {
  description = "Route 53 public hosted zone holding domain_name (both or neither)."
  type        = string
  default     = null

  validation {
    condition     = (var.hosted_zone_id == null) == (var.domain_name == null)
    error_message = "Set domain_name and hosted_zone_id together, or neither."
  }
}

variable "github_repository" {
  description = "GitHub repository (owner/name) whose main branch may deploy through GitHub OIDC. Null creates no CI role."
  type        = string
  default     = null
}

variable "github_oidc_provider_arn" {
  description = "Existing IAM OIDC provider for token.actions.githubusercontent.com in the account, if there is one; null creates it."
  type        = string
  default     = null
}
