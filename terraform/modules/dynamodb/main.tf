# Keys and indexes mirror libs/mysfits-data/src/tables.ts, which creates the
# same tables locally; a test compares the two.

locals {
  good_evil_index = "GoodEvilIndex"
  law_chaos_index = "LawChaosIndex"
}

resource "aws_kms_key" "tables" {
  description         = "Encryption at rest of the ${var.name} DynamoDB tables"
  enable_key_rotation = true
}

resource "aws_kms_alias" "tables" {
  name          = "alias/${var.name}-dynamodb"
  target_key_id = aws_kms_key.tables.key_id
}

resource "aws_dynamodb_table" "mysfits" {
  name                        = "${var.name}-Mysfits"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "MysfitId"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "MysfitId"
    type = "S"
  }

  attribute {
    name = "GoodEvil"
    type = "S"
  }

  attribute {
    name = "LawChaos"
    type = "S"
  }

  global_secondary_index {
    name            = local.good_evil_index
    projection_type = "ALL"

    key_schema {
      attribute_name = "GoodEvil"
      key_type       = "HASH"
    }

    key_schema {
      attribute_name = "MysfitId"
      key_type       = "RANGE"
    }
  }

  global_secondary_index {
    name            = local.law_chaos_index
    projection_type = "ALL"

    key_schema {
      attribute_name = "LawChaos"
      key_type       = "HASH"
    }

    key_schema {
      attribute_name = "MysfitId"
      key_type       = "RANGE"
    }
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.tables.arn
  }
}

resource "aws_dynamodb_table" "likes" {
  name                        = "${var.name}-MysfitLikes"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "MysfitId"
  range_key                   = "UserId"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "MysfitId"
    type = "S"
  }

  attribute {
    name = "UserId"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.tables.arn
  }
}
