variable "name" {
  description = "Identifier of the DB instance and prefix of its subnet, parameter and security groups."
  type        = string
}

variable "database_name" {
  description = "Database created in the instance; its owner service connects to it."
  type        = string
}

variable "owner" {
  description = "Service that owns the database (the only one given its credentials), recorded as a tag."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the instance's security group."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets, in at least two AZs, for the DB subnet group."
  type        = list(string)
}

variable "client_security_group_id" {
  description = "Security group whose members may connect on 5432: the EKS cluster security group."
  type        = string
}

variable "engine_version" {
  description = "PostgreSQL major version; minor versions are upgraded automatically."
  type        = string
  default     = "17"
}

variable "instance_class" {
  description = "DB instance class."
  type        = string
}

variable "allocated_storage_gb" {
  description = "Initial gp3 storage; autoscaling may grow it to four times this."
  type        = number
  default     = 20
}

variable "multi_az" {
  description = "Keep a synchronous standby in a second AZ (doubles the instance cost)."
  type        = bool
  default     = false
}

variable "backup_retention_days" {
  description = "Days of automated backups and point-in-time restore."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 1
    error_message = "Automated backups must stay on (at least one day)."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the instance. Turn off only to tear an environment down."
  type        = bool
  default     = true
}

variable "service_role" {
  description = "Database role the owning service signs in as with IAM authentication; created by the database-roles step, not by Terraform."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.service_role))
    error_message = "A PostgreSQL role name: lower-case letters, digits and underscores, starting with a letter."
  }
}
