variable "name" {
  description = "Prefix of the table names, e.g. mysfits-dev gives mysfits-dev-Mysfits."
  type        = string
}

variable "deletion_protection" {
  description = "Refuse to delete the tables. Turn off only to tear an environment down."
  type        = bool
  default     = true
}
