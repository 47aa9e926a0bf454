variable "namespace" {
  description = "Prefix of the repository names, e.g. mysfits gives mysfits/auth."
  type        = string
}

variable "repository_names" {
  description = "One repository per application image."
  type        = list(string)
}

variable "untagged_image_expiry_days" {
  description = "Untagged images (left behind by failed or superseded pushes) are deleted after this many days."
  type        = number
  default     = 7
}

variable "force_delete" {
  description = "Delete the repositories together with their images on terraform destroy. Keep false in production."
  type        = bool
  default     = false
}
