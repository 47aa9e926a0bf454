variable "cluster_name" {
  description = "Name of the EKS cluster."
  type        = string
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane and the managed nodes."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the control-plane network interfaces, the nodes and the Fargate pods."
  type        = list(string)
}

variable "endpoint_public_access" {
  description = "Whether the Kubernetes API answers on a public endpoint (restricted to public_access_cidrs). When false it is reachable only from inside the VPC."
  type        = bool
}

variable "public_access_cidrs" {
  description = "Source ranges allowed to reach the public API endpoint. Must not include 0.0.0.0/0."
  type        = list(string)

  validation {
    condition     = !contains(var.public_access_cidrs, "0.0.0.0/0")
    error_message = "Do not open the Kubernetes API to the whole internet: list your own ranges."
  }
}

variable "cluster_log_retention_days" {
  description = "How long control-plane logs are kept in CloudWatch Logs."
  type        = number
  default     = 30
}

variable "node_instance_types" {
  description = "EC2 instance types of the managed node group."
  type        = list(string)
}

variable "node_count" {
  description = "Fixed number of nodes in the managed node group (no node autoscaler)."
  type        = number

  validation {
    condition     = var.node_count >= 2
    error_message = "Keep at least two nodes, so that a node can be replaced without downtime."
  }
}

variable "node_disk_size_gb" {
  description = "Size of each node's encrypted root volume."
  type        = number
  default     = 20
}

variable "fargate_namespaces" {
  description = "Namespaces whose pods run on Fargate instead of the node group. Empty means no Fargate profile."
  type        = list(string)
  default     = []
}
