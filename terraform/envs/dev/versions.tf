terraform {
  required_version = "~> 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.28"
    }
    helm = {
      source  = "hashicorp/helm"
      version = "~> 3.0"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.36"
    }
  }

  # State stays local for a first run. For a shared environment move it to S3 with locking, e.g.
  # backend "s3" { bucket = "<state-bucket>", key = "mysfits/dev.tfstate", region = "us-east-1", use_lockfile = true }
}
