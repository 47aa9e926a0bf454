variable "name" {
  description = "Prefix for every resource name, e.g. mysfits-dev."
  type        = string
}

variable "cluster_name" {
  description = "EKS cluster that will use the subnets; written into the kubernetes.io/cluster/<name> subnet tags."
  type        = string
}

variable "cidr_block" {
  description = "IPv4 range of the VPC. A /16 leaves room for /19 private subnets, which the VPC CNI fills with pod IPs."
  type        = string
  default     = "10.0.0.0/16"
}

variable "az_count" {
  description = "Number of availability zones to spread the subnets (and one NAT gateway each) over."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "EKS needs subnets in at least two AZs; this module numbers subnets for at most three."
  }
}

variable "flow_log_retention_days" {
  description = "How long VPC flow logs are kept in CloudWatch Logs."
  type        = number
  default     = 30
}
