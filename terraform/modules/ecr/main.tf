# Immutable tags: a tag always names the same image, so a rollout can never pick up a different build.
resource "aws_ecr_repository" "this" {
  for_each = toset(var.repository_names)

  name                 = "${var.namespace}/${each.key}"
  image_tag_mutability = "IMMUTABLE"
  # Lets terraform destroy delete a repository that still holds images. Off in production.
  force_delete = var.force_delete

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_lifecycle_policy" "this" {
  for_each = aws_ecr_repository.this

  repository = each.value.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Expire untagged images"
      selection = {
        tagStatus   = "untagged"
        countType   = "sinceImagePushed"
        countUnit   = "days"
        countNumber = var.untagged_image_expiry_days
      }
      action = { type = "expire" }
    }]
  })
}
